using System.Globalization;
using System.Text;
using Tailpaste.Deploy.History;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Deploy.Reporting;

/// <summary>
/// The step summary: the outcome, the deploy's facts, the checks, the verify window, the drain, the circuit breaker,
/// and the seed's metrics over 30 days with Mermaid charts of the recent deploys' cut-over error rate and p95
/// (GitHub renders Mermaid in step summaries). Text that came from the engine or the service goes through the
/// summary's escaping; the charts hold only numbers the action computed.
/// </summary>
public static class DeploySummary
{
    public static void Fill(Summary summary, DeployReport report)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(report);
        var icon = report.Outcome switch { "succeeded" => "✅", "rolled-back" => "↩️", "refused" => "⛔", _ => "❌" };
        summary.AddHeading($"{icon} Deploy of {report.Service}: {report.Outcome}");
        summary.AddParagraph(report.Message);
        summary.AddTable(
            ["", ""],
            [
                ["strategy", report.Strategy],
                ["trigger", report.Trigger],
                ["image", $"{report.Image} (version {report.Version}, commit {Short(report.Commit)})"],
                ["serving now", report.DeployedImage.Length == 0 ? "nothing" : report.DeployedImage + (report.LiveSlot is { } slot ? $" in {slot}" : string.Empty)],
                ["previous image", report.PreviousImage.Length == 0 ? "none (first deploy)" : report.PreviousImage],
                ["rolled back", report.RolledBack ? $"yes: {report.RollbackReason}" : "no"],
                ["cut-over", report.CutoverAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture) : "none"],
                ["deploy time", Number(report.DeploySeconds, "0.0") + " s"],
                ["downtime (probe through the whole deploy)", Number(report.DowntimeMs, "0") + " ms"],
                ["backup", report.BackupId ?? "none (allow-no-backup)"],
            ]);
        if (report.Recovered is { } recovered)
        {
            summary.AddParagraph("Before deploying, this run dealt with a deploy a previous run left half-done: " + recovered);
        }

        if (report.Verify is { } verify)
        {
            summary.AddHeading("Verify window", 3);
            var rows = new List<IReadOnlyList<string>>
            {
                Watch("after the cut-over", verify),
            };
            if (report.RollbackCheck is { } check)
            {
                rows.Add(Watch("after the rollback", check));
            }

            summary.AddTable(["watch", "requests (users)", "error rate", "p95", "error lines", "proxy unreachable", "verdict"], rows);
        }

        if (report.Drain is { } drain)
        {
            summary.AddParagraph(string.Create(
                CultureInfo.InvariantCulture,
                $"Drain of {drain.Container}: {drain.InFlightAtSwitch} requests were in flight on it at the switch and finished there; {(drain.DrainedInTime ? "the proxy's old workers were done" : "the drain deadline passed")} after {drain.WaitedMs:0} ms; {drain.CutAtDeadline} requests were cut at the deadline."));
        }

        if (report.CircuitBreaker is { } breaker)
        {
            summary.AddParagraph(breaker.IsOpen
                ? $"⛔ Circuit breaker OPEN since {breaker.Since:yyyy-MM-dd HH:mm} UTC ({breaker.Reason}): automatic redeploys and health-check recoveries are stopped until a manual deploy run (trigger: manual)."
                : "Circuit breaker closed: automatic redeploys are allowed.");
        }

        if (report.Metrics is { } metrics)
        {
            AddMetrics(summary, metrics);
        }

        if (report.Steps.Count > 0)
        {
            var steps = new StringBuilder();
            var n = 1;
            foreach (var step in report.Steps)
            {
                steps.Append(CultureInfo.InvariantCulture, $"{n++}. ").Append(SummaryLine(step)).Append('\n');
            }

            summary.AddDetails("Steps", steps.ToString());
        }
    }

    private static void AddMetrics(Summary summary, DeployMetrics metrics)
    {
        summary.AddHeading($"Last {DeployMetrics.Days} days", 3);
        summary.AddTable(
            ["deploys", "success rate", "time to deploy (median)", "rollbacks", "MTTR", "availability"],
            [[
                metrics.Deploys.ToString(CultureInfo.InvariantCulture),
                Percent(metrics.SuccessRate),
                metrics.MedianDeploySeconds is { } seconds ? Number(seconds, "0.0") + " s" : "–",
                $"{metrics.Rollbacks.ToString(CultureInfo.InvariantCulture)} ({Percent(metrics.RollbackRate)})",
                metrics.MttrMinutes is { } mttr ? $"{Number(mttr, "0.#")} min ({metrics.Recoveries} recoveries)" : "–",
                metrics.Availability is { } availability ? $"{Percent(availability)} of {metrics.HealthChecks} checks" : "–",
            ]]);
        if (metrics.Recent.Count == 0)
        {
            return;
        }

        var labels = string.Join(", ", metrics.Recent.Select((_, i) => $"\"#{(i + 1).ToString(CultureInfo.InvariantCulture)}\""));
        var p95 = metrics.Recent.Select(row => row.CutoverP95Ms ?? 0).ToList();
        var rate = metrics.Recent.Select(row => (row.CutoverErrorRate ?? 0) * 100).ToList();
        summary.AddCodeBlock(Chart("Cut-over p95 latency of the recent deploys (ms)", labels, "ms", p95), "mermaid");
        summary.AddCodeBlock(Chart("Cut-over error rate of the recent deploys (%)", labels, "%", rate), "mermaid");
        summary.AddParagraph(string.Join(", ", metrics.Recent.Select((row, i) => string.Create(CultureInfo.InvariantCulture, $"#{i + 1} {row.Outcome}"))));
    }

    private static string Chart(string title, string labels, string unit, List<double> values)
    {
        var top = Math.Max(1, values.Max() * 1.2);
        return string.Create(CultureInfo.InvariantCulture, $"""
            xychart-beta
                title "{title}"
                x-axis [{labels}]
                y-axis "{unit}" 0 --> {top:0.##}
                bar [{string.Join(", ", values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))}]
            """);
    }

    private static string[] Watch(string name, Verification.WatchOutcome watch) =>
    [
        name,
        string.Create(CultureInfo.InvariantCulture, $"{watch.Requests} ({watch.UserRequests})"),
        Percent(watch.ErrorRate),
        watch.P95Ms is { } p95 ? Number(p95, "0") + " ms" : "–",
        watch.LogErrors.ToString(CultureInfo.InvariantCulture),
        watch.ProxyUnreachable.ToString(CultureInfo.InvariantCulture),
        watch.Failure ?? string.Create(CultureInfo.InvariantCulture, $"passed ({watch.DecidedAfterSeconds:0.#} s)"),
    ];

    private static string SummaryLine(string text) => UntrustedText.Neutralise(text).ReplaceLineEndings(" ").Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Percent(double? share) => share is { } value ? Number(value * 100, "0.##") + " %" : "–";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
