namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>What the changelog step wrote and found.</summary>
/// <param name="Counts">Entries per group title (Breaking changes, Features, ...), every group listed.</param>
public sealed record ChangelogOutcome(string ChangelogPath, string NotesPath, string SuggestedVersion, IReadOnlyDictionary<string, int> Counts);
