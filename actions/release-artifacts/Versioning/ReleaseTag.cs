namespace Tailpaste.ReleaseArtifacts.Versioning;

/// <summary>A git tag whose name is a release version (v1.2.3 or 1.2.3), with the commit it points at.</summary>
public sealed record ReleaseTag(string Name, ReleaseVersion Version, string Commit);
