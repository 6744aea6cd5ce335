namespace Tailpaste.ReleaseArtifacts;

/// <summary>One produced file in the report.</summary>
public sealed record ArtifactRecord(string Name, string Path, long Bytes, string? Sha256);
