using System.Globalization;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.Shared.Actions;

namespace Tailpaste.DockerCleanup.Reporting;

/// <summary>The step summary: what was asked, the totals, and one table per kind with every resource considered.</summary>
public static class CleanupSummary
{
    private static readonly string[] _headers = ["Name", "ID", "Labels", "Size", "Outcome"];

    public static void Write(Summary summary, CleanupOptions options, CleanupResult result)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        summary.AddHeading(options.DryRun ? "Docker cleanup (dry run: nothing was removed)" : "Docker cleanup");
        var age = options.OlderThan is { } olderThan ? $", created more than {Selection.CleanupPolicy.Format(olderThan)} ago" : string.Empty;
        summary.AddParagraph(
            $"Engine `{options.Docker.Endpoint}`. Selector `{options.Labels}`, protected `{options.ProtectLabels}`{age}; " +
            $"dangling images and unlabelled stopped containers {(options.PruneDangling ? "pruned" : "left alone")}.");
        var verb = options.DryRun ? "Would remove" : "Removed";
        summary.AddParagraph(string.Create(
            CultureInfo.InvariantCulture,
            $"{verb} {result.RemovedCount(ResourceKind.Containers)} containers, {result.RemovedCount(ResourceKind.Networks)} networks, " +
            $"{result.RemovedCount(ResourceKind.Images)} images and {result.RemovedCount(ResourceKind.Volumes)} volumes ({Bytes(result.ReclaimedBytes)}); " +
            $"{result.ProtectedCount} protected, {result.Failures.Count} failed."));

        foreach (var kind in options.Resources)
        {
            var rows = result.Of(kind);
            summary.AddHeading($"{char.ToUpperInvariant(CleanupReport.KindName(kind)[0])}{CleanupReport.KindName(kind)[1..]} ({rows.Count(r => r.IsRemoval)} of {rows.Count})", 3);
            if (rows.Count == 0)
            {
                summary.AddParagraph("Nothing selected.");
                continue;
            }

            summary.AddTable(_headers, rows.Select(Row));
        }
    }

    public static string OutcomeText(ResourceOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = outcome.Outcome switch
        {
            Outcome.Removed => "removed",
            Outcome.WouldRemove => "would remove",
            Outcome.Protected => "protected",
            Outcome.TooRecent => "kept: too recent",
            Outcome.InUse => "kept: in use",
            Outcome.AlreadyGone => "already gone",
            Outcome.Skipped => "skipped",
            Outcome.Failed => "failed",
            _ => outcome.Outcome.ToString(),
        };
        if (outcome.SelectedBy == SelectedBy.Dangling && outcome.IsRemoval)
        {
            text += " (dangling)";
        }

        return outcome.Reason is null ? text : $"{text}: {outcome.Reason}";
    }

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    private static IReadOnlyList<string> Row(ResourceOutcome outcome)
    {
        var r = outcome.Resource;
        var name = r.Tags.Count > 1 ? string.Join(", ", r.Tags) : r.Name;
        var labels = string.Join(", ", r.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        return [name, r.ShortId, labels, r.SizeBytes is { } size ? Bytes(size) : "—", OutcomeText(outcome)];
    }
}
