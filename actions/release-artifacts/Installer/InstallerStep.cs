using Tailpaste.Shared.Actions;
using Tailpaste.Shared.IO;

namespace Tailpaste.ReleaseArtifacts.Installer;

/// <summary>Generates install.sh with the archive's SHA-256 built in.</summary>
public sealed class InstallerStep : IReleaseStep
{
    private readonly ReleaseArtifactsOptions _options;

    public InstallerStep(ReleaseArtifactsOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public string Name => "installer";

    public bool Selected => _options.Runs(ReleaseSteps.Installer);

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.ArchivePath is not { } archive)
        {
            throw new InputException("steps", "installer", $"the archive step too, or {state.ArchiveName} already in output-dir: install.sh carries the archive's SHA-256");
        }

        var sha = await state.Hashes.OfAsync(archive, cancellationToken).ConfigureAwait(false);
        var script = InstallScript.Render(state.Version, sha, _options.InstallUrl ?? state.Links.Download(state.TagName));
        var installerPath = state.InOutputDir(InstallScript.FileName);
        await AtomicFile.WriteAllTextAsync(installerPath, script, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(installerPath, (UnixFileMode)0b111_101_101);
        }

        state.InstallerPath = installerPath;
        state.Artifacts.Add(installerPath);
    }

    public Task SkipAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (File.Exists(state.InOutputDir(InstallScript.FileName)))
        {
            state.Artifacts.Add(state.InOutputDir(InstallScript.FileName));
        }

        return Task.CompletedTask;
    }
}
