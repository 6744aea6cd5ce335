using System.Globalization;
using Tailpaste.HealthCheck.Checks;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Probes.Fuzz;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;
using Tailpaste.Shared.Probes.Smoke;

namespace Tailpaste.HealthCheck.Reporting;

/// <summary>The probes' part of the step summary: a small table for each of smoke, fuzz and slo that ran.</summary>
public static class ProbeSummary
{
    public static void Fill(Summary summary, SmokeResult? smoke, FuzzResult? fuzz, SloOutcome? slo)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (smoke is not null)
        {
            summary.AddHeading("Smoke", 3);
            summary.AddTable(
                ["Step", "Result", "Time", "Details"],
                smoke.Steps.Select(step => (IReadOnlyList<string>)[step.Step, Status(step.Status), Ms(step.ElapsedMs), step.Detail]));
        }

        if (fuzz is not null)
        {
            summary.AddHeading("Fuzz", 3);
            summary.AddParagraph(string.Create(CultureInfo.InvariantCulture, $"{fuzz.Cases.Count} hostile requests; {fuzz.HighFindings} HIGH and {fuzz.MediumFindings} MEDIUM findings; {fuzz.HealthDetail}."));
            if (fuzz.Findings.Count > 0)
            {
                summary.AddTable(
                    ["Severity", "Finding", "Case", "Details"],
                    fuzz.Findings.Select(f => (IReadOnlyList<string>)[FuzzCheck.Severity(f.Severity), FuzzCheck.Kind(f.Kind), f.Case, f.Detail]));
            }
        }

        if (slo is not null)
        {
            var load = slo.Load;
            summary.AddHeading("SLO", 3);
            summary.AddTable(
                ["Requests", "Model", "Requests/s", "p50", "p95", "p99", "Max", "Error rate"],
                [
                    [
                        load.Requests.ToString(CultureInfo.InvariantCulture),
                        load.Model == LoadModel.Open ? "open" : "closed",
                        Number(load.RequestsPerSecond),
                        Ms(load.Latency.P50Ms),
                        Ms(load.Latency.P95Ms),
                        Ms(load.Latency.P99Ms),
                        Ms(load.Latency.MaxMs),
                        Number(load.ErrorRate),
                    ],
                ]);
            var rows = slo.Service.Thresholds.Select(t => Row(t, "slo", string.Join(", ", slo.ServicePaths)))
                .Concat(slo.Health?.Thresholds.Select(t => Row(t, "health-slo", slo.HealthPath)) ?? []);
            summary.AddTable(["Threshold", "Input", "Paths", "Observed", "Samples", "Result"], rows);
        }
    }

    private static IReadOnlyList<string> Row(ThresholdVerdict verdict, string input, string paths) =>
    [
        verdict.Threshold,
        input,
        paths,
        Number(verdict.Observed),
        verdict.Samples.ToString(CultureInfo.InvariantCulture),
        verdict.Passed ? "✅ held" : $"❌ {verdict.Reason}",
    ];

    private static string Status(SmokeStepStatus status) => status switch
    {
        SmokeStepStatus.Passed => "✅ passed",
        SmokeStepStatus.Failed => "❌ failed",
        _ => "⏭️ skipped",
    };

    private static string Ms(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.#} ms") : "—";

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "—";
}
