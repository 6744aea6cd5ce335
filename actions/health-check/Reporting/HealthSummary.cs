using System.Globalization;
using Tailpaste.HealthCheck.Checks;
using Tailpaste.HealthCheck.Logs;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Reporting;

/// <summary>The step summary: one table of checks (status, measured value, threshold), then the log statistics.</summary>
public static class HealthSummary
{
    public static void Fill(Summary summary, HealthReport report, LogStatistics? logs)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(report);
        var icon = report.OverallStatus switch
        {
            OverallStatus.Healthy => "✅",
            OverallStatus.Degraded => "⚠️",
            _ => "❌",
        };
        summary.AddHeading($"{icon} Tailpaste health: {report.OverallStatus.ToString().ToLowerInvariant()}");
        summary.AddTable(
            ["Check", "Status", "Measured", "Threshold", "Details"],
            report.Checks.Select(pair => (IReadOnlyList<string>)
            [
                pair.Key,
                pair.Value.Status == CheckStatus.Passed ? "✅ passed" : "❌ failed",
                Number(pair.Value.Value, pair.Value.Unit),
                Number(pair.Value.Threshold, pair.Value.Unit),
                pair.Value.Message,
            ]));

        if (report.Warnings.Count > 0)
        {
            summary.AddList(report.Warnings.Select(w => "⚠️ " + w));
        }

        if (logs is not null)
        {
            summary.AddHeading("Log statistics", 3);
            summary.AddTable(
                ["Measure", "Value"],
                [
                    ["Lines", Count(logs.TotalLines)],
                    ["Requests", Count(logs.Requests)],
                    ["By method", Pairs(logs.RequestsByMethod)],
                    ["Status codes", Pairs(logs.StatusCodes)],
                    ["Top paths", string.Join(", ", logs.TopPaths.Take(5).Select(p => $"{p.Path} ({Count(p.Count)})"))],
                    ["Unique client IPs", (logs.UniqueClientIpsEstimated ? "≈" : string.Empty) + Count(logs.UniqueClientIps)],
                    ["Errors", Count(logs.ErrorCount)],
                    ["Errors by category", Pairs(logs.ErrorsByCategory.Where(p => p.Value > 0))],
                    ["Warnings", Count(logs.WarningCount)],
                ]);
        }

        if (report.History is { } history)
        {
            var line = $"History: {history.Runs} runs, {history.ConsecutiveFailures} consecutive unhealthy.";
            if (report.Recovery is { } recovery)
            {
                line += recovery.Dispatched ? $" Recovery: dispatched {recovery.Workflow} ({recovery.Reason})." : $" Recovery: not dispatched ({recovery.Reason}).";
            }

            if (report.Notification is { Sent: true } notification)
            {
                line += $" Notified {string.Join(" and ", notification.Targets)} ({notification.Reason}).";
            }

            summary.AddParagraph(line);
        }
    }

    private static string Number(double? value, string? unit) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.##} {unit}").Trim() : "—";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Pairs(IEnumerable<KeyValuePair<string, long>> pairs) =>
        string.Join(", ", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Count(p.Value)}"));
}
