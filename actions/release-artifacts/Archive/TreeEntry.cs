namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>One entry of a git tree: a directory, a file (executable or not) or a symbolic link.</summary>
public sealed record TreeEntry(string Path, TreeEntryKind Kind, string ObjectId);
