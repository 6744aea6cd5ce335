namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>
/// Sorts commits into changelog sections: breaking changes first whatever their type, then feat, fix, perf,
/// and everything else (non-conventional commits included) under Others. Merge commits are skipped unless
/// asked for; hidden types are left out, except when they break something.
/// </summary>
public sealed class ChangelogBuilder
{
    private readonly HashSet<string> _hiddenTypes;
    private readonly bool _includeMerges;

    public ChangelogBuilder(IEnumerable<string> hiddenTypes, bool includeMerges)
    {
        ArgumentNullException.ThrowIfNull(hiddenTypes);
        _hiddenTypes = new HashSet<string>(hiddenTypes.Select(t => t.ToLowerInvariant()), StringComparer.Ordinal);
        _includeMerges = includeMerges;
    }

    public IReadOnlyList<ChangelogEntry> Build(IEnumerable<CommitRecord> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var entries = new List<ChangelogEntry>();
        foreach (var commit in commits)
        {
            if (commit.IsMerge && !_includeMerges)
            {
                continue;
            }

            var parsed = ConventionalCommit.Parse(commit.Message);
            if (!parsed.IsBreaking && parsed.Type is { } type && _hiddenTypes.Contains(type))
            {
                continue;
            }

            entries.Add(new ChangelogEntry(commit, parsed, GroupOf(parsed)));
        }

        return entries;
    }

    public static ChangelogGroup GroupOf(ConventionalCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return commit switch
        {
            { IsBreaking: true } => ChangelogGroup.BreakingChanges,
            { Type: "feat" } => ChangelogGroup.Features,
            { Type: "fix" } => ChangelogGroup.Fixes,
            { Type: "perf" } => ChangelogGroup.Performance,
            _ => ChangelogGroup.Others,
        };
    }
}
