using Tailpaste.Shared.Actions;
using Tailpaste.Shared.IO;

namespace Tailpaste.ReleaseArtifacts.Installer;

/// <summary>Generates install.sh with the archive's SHA-256 built in.</summary>
public sealed class InstallerStep(ReleaseArtifactsOptions options) : IReleaseStep
{
    private readonly ReleaseArtifactsOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    public string Name => "installer";

    public bool Selected => _options.Runs(ReleaseSteps.Installer);

    public Task PrepareAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!Selected)
        {
            state.InstallerFile = state.PickUp(InstallScript.FileName);
            return Task.CompletedTask;
        }

        // The archive step prepares first: it either runs, or picked up an archive an earlier job left.
        if (!_options.Runs(ReleaseSteps.Archive) && state.ArchiveFile is null)
        {
            throw new InputException("steps", "installer", $"the archive step too, or {state.ArchiveName} already in output-dir: install.sh carries the archive's SHA-256");
        }

        state.RequireWritable(InstallScript.FileName);
        return Task.CompletedTask;
    }

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var archive = state.ArchiveFile ?? throw new InvalidOperationException("The installer step runs after the archive is there.");
        var sha = await state.Hashes.OfAsync(archive.Path, cancellationToken).ConfigureAwait(false);
        var script = InstallScript.Render(state.Version, sha, _options.InstallUrl ?? state.Links.Download(state.TagName));
        var installerPath = state.InOutputDir(InstallScript.FileName);
        await AtomicFile.WriteAllTextAsync(installerPath, script, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(installerPath, (UnixFileMode)0b111_101_101);
        }

        state.InstallerFile = ReleaseFile.MadeAt(installerPath);
    }
}
