namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>The sections of a release's notes, in the order they are printed.</summary>
public enum ChangelogGroup
{
    BreakingChanges,
    Features,
    Fixes,
    Performance,
    Others,
}
