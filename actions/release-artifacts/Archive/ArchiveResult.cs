namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>What the archive step produced.</summary>
public sealed record ArchiveResult(string Path, long Bytes, int Entries);
