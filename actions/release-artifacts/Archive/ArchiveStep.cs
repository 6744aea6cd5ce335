using Tailpaste.ReleaseArtifacts.Git;
using Tailpaste.Shared.Actions;

namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>Builds the reproducible tailpaste-{version}.tar.gz of the tagged tree.</summary>
public sealed class ArchiveStep : IReleaseStep
{
    private readonly ReleaseArtifactsOptions _options;
    private readonly GitCli _git;
    private readonly ActionCore _core;

    public ArchiveStep(ReleaseArtifactsOptions options, GitCli git, ActionCore core)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _git = git ?? throw new ArgumentNullException(nameof(git));
        _core = core ?? throw new ArgumentNullException(nameof(core));
    }

    public string Name => "archive";

    public bool Selected => _options.Runs(ReleaseSteps.Archive);

    public Task PrepareAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Selected)
        {
            state.RequireWritable(state.ArchiveName);
        }
        else
        {
            state.ArchiveFile = state.PickUp(state.ArchiveName);
        }

        return Task.CompletedTask;
    }

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var extras = _options.Changelog.ArchiveChangelog && state.Changelog is { } changelog ? new[] { new ArchiveExtra(ReleaseState.ChangelogFileName, changelog.ChangelogPath) } : [];
        var result = await new ReproducibleArchive(_git).WriteAsync(state.Release.Tag.Commit, $"tailpaste-{state.Version}", state.Release.CommitTime, state.InOutputDir(state.ArchiveName), extras, cancellationToken).ConfigureAwait(false);
        state.ArchiveFile = ReleaseFile.MadeAt(result.Path);
        _core.WriteInfo($"{state.ArchiveName}: {result.Entries} entries, {result.Bytes} bytes");
        if (result.Links.Count > 0 && _options.Runs(ReleaseSteps.Installer))
        {
            _core.WriteWarning($"{state.ArchiveName} holds {result.Links.Count} symbolic link(s) ({string.Join(", ", result.Links.Take(3))}{(result.Links.Count > 3 ? ", ..." : string.Empty)}); install.sh refuses an archive with links, so mark them export-ignore in .gitattributes or install this release another way.");
        }
    }
}
