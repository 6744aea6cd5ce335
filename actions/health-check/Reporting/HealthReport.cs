using Tailpaste.HealthCheck.Checks;

namespace Tailpaste.HealthCheck.Reporting;

/// <summary>
/// The exported JSON report. The seed's top-level keys come first and keep their meaning (timestamp,
/// checks.&lt;name&gt;.status passed/failed, errors, warnings, metrics, overall_status); the rest is added.
/// <c>overall_status</c> uses the same three states as the exit code.
/// </summary>
public sealed record HealthReport
{
    public required DateTimeOffset Timestamp { get; init; }

    public required IReadOnlyDictionary<string, CheckReport> Checks { get; init; }

    public required IReadOnlyList<string> Errors { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Each check's measurements, by check name.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Metrics { get; init; }

    public required OverallStatus OverallStatus { get; init; }

    public required string ServiceUrl { get; init; }

    public required IReadOnlyList<string> FailedChecks { get; init; }

    public required double? P95Ms { get; init; }

    public required double? ErrorRate { get; init; }

    public required double DurationMs { get; init; }

    /// <summary>Null when no history is kept.</summary>
    public HistoryReport? History { get; init; }

    /// <summary>Null when recovery is off.</summary>
    public RecoveryReport? Recovery { get; init; }

    /// <summary>Null when no webhook is configured.</summary>
    public NotificationReport? Notification { get; init; }

    public static HealthReport From(IReadOnlyList<CheckResult> results, DateTimeOffset timestamp, string serviceUrl, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(results);
        var service = results.FirstOrDefault(r => r.Name == CheckNames.Service);
        return new HealthReport
        {
            Timestamp = timestamp,
            Checks = results.ToDictionary(r => r.Name, CheckReport.From, StringComparer.Ordinal),
            Errors = results.SelectMany(r => r.Errors.Select(e => $"{r.Name}: {e}")).ToList(),
            Warnings = results.SelectMany(r => r.Warnings.Select(w => $"{r.Name}: {w}")).ToList(),
            Metrics = results.ToDictionary(r => r.Name, r => r.Metrics, StringComparer.Ordinal),
            OverallStatus = StatusRules.Overall(results),
            ServiceUrl = serviceUrl,
            FailedChecks = results.Where(r => r.Status == CheckStatus.Failed).Select(r => r.Name).ToList(),
            P95Ms = service?.Metrics.GetValueOrDefault("response_time_p95_ms") as double?,
            ErrorRate = service?.Metrics.GetValueOrDefault("error_rate") as double?,
            DurationMs = Math.Round(duration.TotalMilliseconds, 1),
        };
    }
}
