namespace Tailpaste.ReleaseArtifacts.Publish;

/// <summary>What publish did: which release (created or updated), its assets, and the moved major tag.</summary>
public sealed record PublishResult(long? ReleaseId, string? Url, string Action, IReadOnlyList<PublishedAsset> Assets, string? MovedMajorTag);
