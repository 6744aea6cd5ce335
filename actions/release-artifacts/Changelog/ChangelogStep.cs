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
    private string? _existing;

    public ChangelogStep(ReleaseArtifactsOptions options, GitCli git, ActionCore core)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _git = git ?? throw new ArgumentNullException(nameof(git));
        _core = core ?? throw new ArgumentNullException(nameof(core));
    }

    public string Name => "changelog";

    public bool Selected => _options.Runs(ReleaseSteps.Changelog);

    public async Task PrepareAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!Selected)
        {
            // A later job (steps: publish) picks up what an earlier one left in output-dir.
            state.NotesFile = state.PickUp(ReleaseState.NotesFileName);
            if (state.NotesFile is { } notes)
            {
                state.Notes = await File.ReadAllTextAsync(notes.Path, cancellationToken).ConfigureAwait(false);
            }

            state.ChangelogFile = state.PickUp(ReleaseState.ChangelogFileName);
            return;
        }

        // A shallow clone would give a changelog cut short without a word.
        if (await _git.IsShallowAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InputException("repository-path", _options.RepositoryPath, $"a full clone for the changelog since {state.Release.Previous?.Name ?? "the first commit"} (this one is shallow: check out with fetch-depth: 0)");
        }

        var source = Path.Combine(_options.RepositoryPath, _options.ChangelogFile);
        _existing = File.Exists(source) ? await File.ReadAllTextAsync(source, cancellationToken).ConfigureAwait(false) : null;
        state.RequireWritable(ReleaseState.NotesFileName);
        state.RequireWritable(ReleaseState.ChangelogFileName);
    }

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
        state.NotesFile = ReleaseFile.MadeAt(notesPath);

        var date = DateOnly.FromDateTime(release.CommitTime.UtcDateTime);
        var changelog = KeepAChangelogFile.Prepend(_existing, state.Version, date, state.Notes, state.Links.Compare(release.Previous?.Name, release.Tag.Name));
        var changelogPath = state.InOutputDir(ReleaseState.ChangelogFileName);
        await AtomicFile.WriteAllTextAsync(changelogPath, changelog, cancellationToken).ConfigureAwait(false);
        state.ChangelogFile = ReleaseFile.MadeAt(changelogPath);
        state.Changelog = new ChangelogOutcome(changelogPath, notesPath, suggested, counts);
        _core.WriteInfo($"{commits.Count} commits since {release.Previous?.Name ?? "the first commit"}, {entries.Count} in the changelog; suggested next version {suggested}");
    }
}
