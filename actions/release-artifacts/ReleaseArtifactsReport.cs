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
    DateTimeOffset GeneratedAt)
{
    public static ReleaseArtifactsReport From(ReleaseState state, ReleaseSteps steps, IReadOnlyList<ArtifactRecord> records, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        var release = state.Release;
        return new ReleaseArtifactsReport(
            state.Version,
            release.Tag.Name,
            release.Tag.Commit,
            release.Previous?.Name,
            release.Version.IsPrerelease,
            state.Changelog?.SuggestedVersion,
            Enum.GetValues<ReleaseSteps>().Where(s => s != ReleaseSteps.None && (steps & s) == s).Select(s => s.ToString().ToLowerInvariant()).ToList(),
            state.Changelog?.Counts ?? new SortedDictionary<string, int>(StringComparer.Ordinal),
            records,
            state.Published,
            state.DryRunRequests,
            state.ImageTags,
            generatedAt);
    }
}
