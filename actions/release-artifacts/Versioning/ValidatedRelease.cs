namespace Tailpaste.ReleaseArtifacts.Versioning;

/// <summary>The outcome of validate: the version, its tag and commit, and the release before it.</summary>
public sealed record ValidatedRelease(ReleaseVersion Version, ReleaseTag Tag, ReleaseTag? Previous, DateTimeOffset CommitTime);
