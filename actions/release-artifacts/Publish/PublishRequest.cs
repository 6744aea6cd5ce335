namespace Tailpaste.ReleaseArtifacts.Publish;

/// <summary>Everything publish sends: the release for a tag, its notes, its assets, and the major tag to move.</summary>
/// <param name="MajorTag">The major tag (v1) to point at <paramref name="Commit"/>, or null to leave tags alone.</param>
public sealed record PublishRequest(string Owner, string Repository, string Tag, string Name, string Body, bool Prerelease, string Commit, IReadOnlyList<ReleaseAssetFile> Assets, string? MajorTag);
