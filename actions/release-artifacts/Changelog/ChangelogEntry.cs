namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>One line of the changelog: a commit, how it reads as a Conventional Commit, and its section.</summary>
public sealed record ChangelogEntry(CommitRecord Commit, ConventionalCommit Parsed, ChangelogGroup Group);
