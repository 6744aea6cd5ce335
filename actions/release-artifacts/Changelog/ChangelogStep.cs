using Tailpaste.ReleaseArtifacts.Git;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.IO;

namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>Writes the release notes and CHANGELOG.md (the repository's, with this release's section prepended).</summary>
public sealed class ChangelogStep : IReleaseStep
{
    private readonly ReleaseArtifactsOptions _options;
    private readonly GitCli _git;
    private readonly ActionCore _core;

    public ChangelogStep(ReleaseArtifactsOptions options, GitCli git, ActionCore core)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _git = git ?? throw new ArgumentNullException(nameof(git));
        _core = core ?? throw new ArgumentNullException(nameof(core));
    }

    public string Name => "changelog";

    public bool Selected => _options.Runs(ReleaseSteps.Changelog);

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var release = state.Release;
        var commits = await new GitHistoryReader(_git).ReadAsync(release.Previous?.Commit, release.Tag.Commit, cancellationToken).ConfigureAwait(false);
        var entries = new ChangelogBuilder(_options.HiddenTypes, _options.IncludeMerges).Build(commits);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in Enum.GetValues<ChangelogGroup>())
        {
            counts[ReleaseNotesWriter.Title(group)] = entries.Count(e => e.Group == group);
        }

        var suggested = NextVersion.Suggest(release.Previous?.Version.Version, entries).ToString();
        state.Notes = ReleaseNotesWriter.Render(entries, state.Links);
        var notesPath = state.InOutputDir(ReleaseState.NotesFileName);
        await AtomicFile.WriteAllTextAsync(notesPath, state.Notes, cancellationToken).ConfigureAwait(false);

        var source = Path.Combine(_options.RepositoryPath, _options.ChangelogFile);
        var existing = File.Exists(source) ? await File.ReadAllTextAsync(source, cancellationToken).ConfigureAwait(false) : null;
        var date = DateOnly.FromDateTime(release.CommitTime.UtcDateTime);
        var changelog = KeepAChangelogFile.Prepend(existing, state.Version, date, state.Notes, state.Links.Compare(release.Previous?.Name, release.Tag.Name));
        var changelogPath = state.InOutputDir(ReleaseState.ChangelogFileName);
        await AtomicFile.WriteAllTextAsync(changelogPath, changelog, cancellationToken).ConfigureAwait(false);
        state.Artifacts.Add(changelogPath);
        state.Changelog = new ChangelogOutcome(changelogPath, notesPath, suggested, counts);
        _core.WriteInfo($"{commits.Count} commits since {release.Previous?.Name ?? "the first commit"}, {entries.Count} in the changelog; suggested next version {suggested}");
    }

    public async Task SkipAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var notesPath = state.InOutputDir(ReleaseState.NotesFileName);
        if (File.Exists(notesPath))
        {
            state.Notes = await File.ReadAllTextAsync(notesPath, cancellationToken).ConfigureAwait(false);
        }

        var changelogPath = state.InOutputDir(ReleaseState.ChangelogFileName);
        if (File.Exists(changelogPath))
        {
            state.Artifacts.Add(changelogPath);
        }
    }
}
