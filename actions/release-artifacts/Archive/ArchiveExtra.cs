namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>A generated file added to the archive after the tree (for example the built CHANGELOG.md).</summary>
/// <param name="Name">Path inside the top folder.</param>
/// <param name="SourcePath">The file on disk.</param>
public sealed record ArchiveExtra(string Name, string SourcePath);
