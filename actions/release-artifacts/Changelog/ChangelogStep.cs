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

    /// <summary>Far above any real changelog; a bigger one is refused before it is read.</summary>
    public const long MaxChangelogBytes = 16L << 20;

    /// <summary>GitHub takes release bodies of up to 125,000 characters; notes above 1 MiB are not notes.</summary>
    public const long MaxNotesBytes = 1L << 20;

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
            state.NotesFile = state.PickUp(ReleaseState.NotesFileName, MaxNotesBytes);
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

        _existing = await ReadExistingAsync(state, cancellationToken).ConfigureAwait(false);
        state.RequireWritable(ReleaseState.NotesFileName);
        state.RequireWritable(ReleaseState.ChangelogFileName);
    }

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var release = state.Release;
        var commits = await new GitHistoryReader(_git).ReadAsync(release.Previous?.Commit, release.Tag.Commit, cancellationToken).ConfigureAwait(false);
        var entries = new ChangelogBuilder(_options.Changelog.HiddenTypes, _options.Changelog.IncludeMerges).Build(commits);
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

    /// <summary>
    /// The changelog as the tagged commit holds it, read from git's object store (never the working tree, never
    /// through a link), or null when the commit has none.
    /// </summary>
    private async Task<string?> ReadExistingAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        var reader = new TrackedFileReader(_git);
        var source = await reader.FindAsync(state.Release.Tag.Commit, _options.Changelog.ChangelogFile, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        if (!source.IsRegularFile)
        {
            throw new InputException("changelog-file", _options.Changelog.ChangelogFile, $"a regular file in {state.TagName}, but there it is {source.Kind}, which is never followed");
        }

        var size = await reader.SizeAsync(source, cancellationToken).ConfigureAwait(false);
        if (size > MaxChangelogBytes)
        {
            throw new InputException("changelog-file", _options.Changelog.ChangelogFile, $"a changelog of at most {MaxChangelogBytes >> 20} MiB, but in {state.TagName} it has {size} bytes");
        }

        return await reader.ReadTextAsync(source, cancellationToken).ConfigureAwait(false);
    }
}
