namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>What the archive step produced.</summary>
/// <param name="Links">Paths (inside the tree) of the symbolic links the archive holds; install.sh refuses those.</param>
public sealed record ArchiveResult(string Path, long Bytes, int Entries, IReadOnlyList<string> Links);
