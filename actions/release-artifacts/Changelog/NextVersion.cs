using Semver;

namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>
/// The version the commits since the previous release call for: major on a breaking change, minor on a
/// feature, patch otherwise. After a pre-release, the pre-release's own version counts as already bumped
/// (after 2.0.0-rc.1 a feature suggests 2.0.0, after 1.1.0-rc.1 a breaking change suggests 2.0.0), as npm's semver does.
/// </summary>
public static class NextVersion
{
    public static SemVersion Suggest(SemVersion? previous, IEnumerable<ChangelogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var baseVersion = (previous ?? SemVersion.Parse("0.0.0", SemVersionStyles.Strict)).WithoutMetadata();
        var pre = baseVersion.IsPrerelease;
        var core = baseVersion.WithoutPrereleaseOrMetadata();
        if (list.Any(e => e.Group == ChangelogGroup.BreakingChanges))
        {
            return pre && core.Minor == 0 && core.Patch == 0 ? core : new SemVersion(core.Major + 1, 0, 0);
        }

        if (list.Any(e => e.Group == ChangelogGroup.Features))
        {
            return pre && core.Patch == 0 ? core : new SemVersion(core.Major, core.Minor + 1, 0);
        }

        return pre ? core : new SemVersion(core.Major, core.Minor, core.Patch + 1);
    }
}
