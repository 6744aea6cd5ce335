using Tailpaste.DockerCleanup.Model;

namespace Tailpaste.DockerCleanup.Reporting;

/// <summary>The JSON report: what was asked, every resource considered with its outcome, and the totals.</summary>
public sealed record CleanupReport(
    bool DryRun,
    string DockerHost,
    string Labels,
    string ProtectLabels,
    IReadOnlyList<ResourceKind> Resources,
    bool PruneDangling,
    double? OlderThanSeconds,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    CleanupTotals Totals,
    IReadOnlyDictionary<string, IReadOnlyList<CleanupReportEntry>> Outcomes)
{
    public static CleanupReport From(CleanupOptions options, CleanupResult result)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        return new CleanupReport(
            options.DryRun,
            options.Docker.Endpoint.ToString(),
            options.Labels.ToString(),
            options.ProtectLabels.ToString(),
            options.Resources,
            options.PruneDangling,
            options.OlderThan?.TotalSeconds,
            result.StartedAt,
            result.FinishedAt,
            CleanupTotals.From(result),
            options.Resources.ToDictionary(
                kind => KindName(kind),
                kind => (IReadOnlyList<CleanupReportEntry>)result.Of(kind).Select(CleanupReportEntry.From).ToList()));
    }

    public static string KindName(ResourceKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>The counts the outputs carry, plus failures.</summary>
public sealed record CleanupTotals(int RemovedContainers, int RemovedNetworks, int RemovedImages, int RemovedVolumes, long ReclaimedBytes, int Protected, int Kept, int Failed)
{
    public static CleanupTotals From(CleanupResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new CleanupTotals(
            result.RemovedCount(ResourceKind.Containers),
            result.RemovedCount(ResourceKind.Networks),
            result.RemovedCount(ResourceKind.Images),
            result.RemovedCount(ResourceKind.Volumes),
            result.ReclaimedBytes,
            result.ProtectedCount,
            result.All.Count(o => !o.IsRemoval),
            result.Failures.Count);
    }
}

/// <summary>One resource in the report.</summary>
public sealed record CleanupReportEntry(
    string Id,
    string Name,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset? Created,
    long? SizeBytes,
    bool? Running,
    SelectedBy SelectedBy,
    Outcome Outcome,
    string? Reason)
{
    public static CleanupReportEntry From(ResourceOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var r = outcome.Resource;
        return new CleanupReportEntry(
            r.Id,
            r.Name,
            r.Tags,
            r.Labels,
            r.Created,
            r.SizeBytes,
            r.Kind == ResourceKind.Containers ? r.IsRunning : null,
            outcome.SelectedBy,
            outcome.Outcome,
            outcome.Reason);
    }
}
