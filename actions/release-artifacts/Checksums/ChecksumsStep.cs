using Tailpaste.ReleaseArtifacts.Installer;

namespace Tailpaste.ReleaseArtifacts.Checksums;

/// <summary>Writes a .sha256 file for the archive and install.sh, and SHA256SUMS listing both.</summary>
public sealed class ChecksumsStep : IReleaseStep
{
    private readonly ReleaseArtifactsOptions _options;

    public ChecksumsStep(ReleaseArtifactsOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public string Name => "checksums";

    public bool Selected => _options.Runs(ReleaseSteps.Checksums);

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var checksummed = Checksummed(state);
        if (checksummed.Count == 0)
        {
            return;
        }

        foreach (var file in checksummed)
        {
            await state.Hashes.OfAsync(file, cancellationToken).ConfigureAwait(false);
        }

        await ChecksumWriter.WriteAsync(state.OutputDir, checksummed, state.Hashes.Known, cancellationToken).ConfigureAwait(false);
        state.ChecksumsPath = state.InOutputDir(ChecksumWriter.SumsFileName);
        state.Artifacts.AddRange(checksummed.Select(f => f + ".sha256"));
        state.Artifacts.Add(state.ChecksumsPath);
    }

    public Task SkipAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Artifacts.AddRange(Checksummed(state).Select(f => f + ".sha256").Append(state.InOutputDir(ChecksumWriter.SumsFileName)).Where(File.Exists));
        return Task.CompletedTask;
    }

    // The archive and install.sh; the changelog and the notes are text the release page shows anyway.
    private static List<string> Checksummed(ReleaseState state) =>
        state.Artifacts.Where(a => a == state.ArchivePath || Path.GetFileName(a) == InstallScript.FileName).ToList();
}
