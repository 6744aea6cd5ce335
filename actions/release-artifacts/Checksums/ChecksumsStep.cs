using Tailpaste.ReleaseArtifacts.Installer;

namespace Tailpaste.ReleaseArtifacts.Checksums;

/// <summary>Writes a .sha256 file for the archive and install.sh, and SHA256SUMS listing both.</summary>
public sealed class ChecksumsStep(ReleaseArtifactsOptions options) : IReleaseStep
{
    private readonly ReleaseArtifactsOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    public string Name => "checksums";

    public bool Selected => _options.Runs(ReleaseSteps.Checksums);

    public Task PrepareAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);

        // The archive and install.sh as they will be once the earlier steps ran (made now, or picked up).
        var names = new List<string>();
        if (_options.Runs(ReleaseSteps.Archive) || state.ArchiveFile is not null)
        {
            names.Add(state.ArchiveName);
        }

        if (_options.Runs(ReleaseSteps.Installer) || state.InstallerFile is not null)
        {
            names.Add(InstallScript.FileName);
        }

        if (!Selected)
        {
            state.ChecksumFiles.AddRange(names.Select(n => state.PickUp(n + ".sha256")).OfType<ReleaseFile>());
            state.SumsFile = state.PickUp(ChecksumWriter.SumsFileName);
            return Task.CompletedTask;
        }

        if (names.Count > 0)
        {
            foreach (var name in names)
            {
                state.RequireWritable(name + ".sha256");
            }

            state.RequireWritable(ChecksumWriter.SumsFileName);
        }

        return Task.CompletedTask;
    }

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);

        // The changelog and the notes are text the release page shows anyway.
        var checksummed = new[] { state.ArchiveFile, state.InstallerFile }.OfType<ReleaseFile>().Select(f => f.Path).ToList();
        if (checksummed.Count == 0)
        {
            return;
        }

        foreach (var file in checksummed)
        {
            await state.Hashes.OfAsync(file, cancellationToken).ConfigureAwait(false);
        }

        await ChecksumWriter.WriteAsync(state.OutputDir, checksummed, state.Hashes.Known, cancellationToken).ConfigureAwait(false);
        state.ChecksumFiles.AddRange(checksummed.Select(f => ReleaseFile.MadeAt(f + ".sha256")));
        state.SumsFile = ReleaseFile.MadeAt(state.InOutputDir(ChecksumWriter.SumsFileName));
    }
}
