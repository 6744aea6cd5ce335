namespace Tailpaste.ReleaseArtifacts.Publish;

/// <summary>An asset as the release holds it after publishing.</summary>
public sealed record PublishedAsset(string Name, string ContentType, long Size, string? DownloadUrl, bool Replaced);
