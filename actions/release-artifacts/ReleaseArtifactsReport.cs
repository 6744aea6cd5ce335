using Tailpaste.ReleaseArtifacts.Publish;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>The JSON report: what was released and every file produced. Never holds the token.</summary>
public sealed record ReleaseArtifactsReport(
    string Version,
    string Tag,
    string Commit,
    string? PreviousTag,
    bool IsPrerelease,
    string? SuggestedVersion,
    IReadOnlyList<string> Steps,
    IReadOnlyDictionary<string, int> ChangelogCounts,
    IReadOnlyList<ArtifactRecord> Artifacts,
    PublishResult? Release,
    IReadOnlyList<string> DryRunRequests,
    IReadOnlyList<string> ImageTags,
    DateTimeOffset GeneratedAt);
