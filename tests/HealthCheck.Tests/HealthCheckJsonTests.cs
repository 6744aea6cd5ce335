using System.Text.Json;
using Tailpaste.HealthCheck.Checks;
using Tailpaste.HealthCheck.Logs;
using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.Probes.Fuzz;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;
using Tailpaste.Shared.Probes.Smoke;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// The report is written from source-generated metadata only (no reflection): every type a check records as a
/// metric must be listed in the context, and the shared shape holds (snake_case enums, dictionaries sorted by key).
/// </summary>
public sealed class HealthCheckJsonTests
{
    [Fact]
    public void Every_kind_of_metric_a_check_records_is_written_without_reflection_in_the_shared_shape()
    {
        var metrics = new Dictionary<string, object?>
        {
            ["text"] = "x",
            ["missing"] = null,
            ["flag"] = true,
            ["count"] = 3,
            ["bytes"] = 4L,
            ["ms"] = 1.5,
            ["when"] = new DateTimeOffset(2025, 11, 23, 9, 1, 2, TimeSpan.FromHours(1)),
            ["lines"] = new List<string> { "a" },
            ["addresses"] = new[] { "100.64.0.1" },
            ["by_method"] = new Dictionary<string, long> { ["POST"] = 2, ["GET"] = 1 },
            ["small_counts"] = new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 },
            ["readiness"] = new Dictionary<string, object?> { ["url"] = "http://x/readyz", ["status_code"] = 200 },
            ["filesystems"] = new List<Dictionary<string, object?>> { new() { ["used_percent"] = 12.5 } },
            ["top_paths"] = new List<PathCount> { new("/", 2) },
            ["top_paths_array"] = new[] { new PathCount("/a", 1) },
            ["smoke_steps"] = new List<SmokeStepResult> { new("max-size", SmokeStepStatus.Skipped, "needs reachable", 0) },
            ["fuzz_findings"] = new List<FuzzFinding> { new(FuzzSeverity.High, FuzzFindingKind.ReflectedPayload, "reflect-path", "echoed") },
            ["fuzz_cases"] = new List<FuzzCaseResult> { new("baseline-root", FuzzCategory.PathTraversal, 90, RawExchangeOutcome.Answered, 200, 1.5) },
            ["slo_thresholds"] = new List<ThresholdVerdict> { new("p(95)<500", "http_req_duration", null, 0, false, "no samples") },
            ["slo_load"] = Load(),
        };
        var report = new HealthReport
        {
            Timestamp = DateTimeOffset.UnixEpoch,
            Checks = new Dictionary<string, CheckReport> { ["service"] = new(CheckStatus.Passed, true, "ok", null, null, null, 1, [], []) },
            Errors = [],
            Warnings = [],
            Metrics = new Dictionary<string, IReadOnlyDictionary<string, object?>> { ["service"] = metrics },
            OverallStatus = OverallStatus.Degraded,
            ServiceUrl = "http://x",
            FailedChecks = [],
            P95Ms = null,
            ErrorRate = null,
            DurationMs = 1,
        };

        using var json = JsonDocument.Parse(JsonReportWriter.Serialize(report, HealthCheckJson.Report));

        var written = json.RootElement.GetProperty("metrics").GetProperty("service");
        Assert.Equal(metrics.Keys.Order(StringComparer.Ordinal), written.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["GET", "POST"], written.GetProperty("by_method").EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-11-23T08:01:02.000Z", written.GetProperty("when").GetString());
        Assert.Equal("degraded", json.RootElement.GetProperty("overall_status").GetString());
        Assert.Equal("passed", json.RootElement.GetProperty("checks").GetProperty("service").GetProperty("status").GetString());
        Assert.Equal(2, written.GetProperty("top_paths")[0].GetProperty("count").GetInt64());
        Assert.Equal("skipped", written.GetProperty("smoke_steps")[0].GetProperty("status").GetString());
        Assert.Equal("reflected_payload", written.GetProperty("fuzz_findings")[0].GetProperty("kind").GetString());
        Assert.Equal("high", written.GetProperty("fuzz_findings")[0].GetProperty("severity").GetString());
        Assert.Equal("path_traversal", written.GetProperty("fuzz_cases")[0].GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, written.GetProperty("slo_thresholds")[0].GetProperty("observed").ValueKind);
        Assert.Equal("open", written.GetProperty("slo_load").GetProperty("model").GetString());
        Assert.Equal(["error_rate", "failure_reasons", "failures", "model", "requests"], written.GetProperty("slo_load").EnumerateObject().Select(p => p.Name).Where(n => n is "model" or "requests" or "failures" or "error_rate" or "failure_reasons" or "observation").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_metric_type_the_context_does_not_list_fails_instead_of_falling_back_to_reflection()
    {
        var report = new HealthReport
        {
            Timestamp = DateTimeOffset.UnixEpoch,
            Checks = new Dictionary<string, CheckReport>(),
            Errors = [],
            Warnings = [],
            Metrics = new Dictionary<string, IReadOnlyDictionary<string, object?>> { ["x"] = new Dictionary<string, object?> { ["odd"] = new Uri("http://x") } },
            OverallStatus = OverallStatus.Healthy,
            ServiceUrl = "http://x",
            FailedChecks = [],
            P95Ms = null,
            ErrorRate = null,
            DurationMs = 1,
        };

        Assert.Throws<NotSupportedException>(() => JsonReportWriter.Serialize(report, HealthCheckJson.Report));
    }

    private static LoadResult Load()
    {
        var latency = new LatencyHistogram();
        latency.Record(TimeSpan.FromMilliseconds(3));
        var observation = new SloObservation(latency, 1, 0, TimeSpan.FromSeconds(1));
        return new LoadResult(observation)
        {
            Model = LoadModel.Open,
            Requests = 1,
            Failures = 0,
            ElapsedSeconds = 1,
            Latency = LatencySummary.Of(latency),
            Statuses = new Dictionary<string, long> { ["200"] = 1 },
            FailureReasons = new Dictionary<string, long>(),
            Paths = [new LoadPathResult("/", observation)],
            WarmupRequests = 0,
            StoppedAtTimeLimit = false,
        };
    }
}
