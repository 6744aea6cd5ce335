using System.Globalization;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests.Probes;

/// <summary>The slo check through the action, against the sample service as a process and its latency and error faults.</summary>
public sealed class SloCheckTests
{
    [Fact]
    public async Task A_healthy_service_meets_its_thresholds_and_the_verdict_shows_each_value_and_its_samples()
    {
        await using var service = await PasteServiceProcess.StartAsync();

        var run = await ActionRun.RunAsync(ProbeRuns.InputsFor(service, "slo"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("passed", run.CheckStatus("slo"));
        Assert.Equal("closed", run.Metric("slo", "model").GetValue<string>());
        Assert.Equal(100, run.Metric("slo", "load")["requests"]!.GetValue<long>());
        Assert.Null(run.Metric("slo", "load")["observation"]); // the raw histogram stays out of the report: the figures are beside it
        var thresholds = run.Metric("slo", "thresholds").AsArray();
        Assert.Equal(["p(95)<10000", "rate<0.01"], thresholds.Select(t => t!["threshold"]!.GetValue<string>()));
        Assert.All(thresholds, t => Assert.True(t!["passed"]!.GetValue<bool>()));

        // slo counts the requests to /, health-slo those to /healthz: 50 each.
        Assert.Equal(["/"], run.Metric("slo", "service_paths").AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(50, thresholds[0]!["samples"]!.GetValue<long>());
        var health = run.Metric("slo", "health_thresholds").AsArray().Single()!;
        Assert.Equal("p(95)<10000", health["threshold"]!.GetValue<string>());
        Assert.Equal(50, health["samples"]!.GetValue<long>());
        Assert.Equal(100, ProbeRuns.ProbeTraffic(service).Count(l => l.UserAgent == "tailpaste-probe-slo") - 4); // 4 untimed warm-ups, one per worker
        Assert.True(ProbeRuns.Number(run.Outputs["slo-p95-ms"]) > 0);
        Assert.Equal("0", run.Outputs["slo-error-rate"]);
        Assert.Contains("| p(95)<10000 | slo | / |", run.Summary, StringComparison.Ordinal);
        Assert.Contains("| p(95)<10000 | health-slo | /healthz |", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Injected_latency_fails_the_latency_thresholds_naming_each_with_its_observed_value()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_LATENCY_MS"] = "250" });
        var inputs = ProbeRuns.InputsFor(service, "slo");
        inputs["requests"] = "40";
        inputs["slo"] = "p(95)<200, rate<0.01";
        inputs["health-slo"] = "p(95)<200";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("degraded", run.Outputs["status"]);
        Assert.Equal("slo", run.Outputs["failed-checks"]);
        var p95 = run.Metric("slo", "thresholds")[0]!;
        Assert.False(p95["passed"]!.GetValue<bool>());
        Assert.True(p95["observed"]!.GetValue<double>() >= 250, p95.ToJsonString()); // every request waits at least the injected 250 ms
        Assert.True(run.Metric("slo", "thresholds")[1]!["passed"]!.GetValue<bool>());
        var errors = run.Report!["checks"]!["slo"]!["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("slo p(95)<200 failed: p(95)=", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("health-slo p(95)<200 on /healthz failed: p(95)=", errors[1], StringComparison.Ordinal);
        Assert.Contains("(20 samples)", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_share_of_500s_fails_the_error_rate_threshold_with_the_observed_share()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_ERROR_RATE"] = "0.5" });
        var inputs = ProbeRuns.InputsFor(service, "slo");
        inputs["requests"] = "400";
        inputs["health-slo"] = "rate<0.01";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        var rate = run.Metric("slo", "thresholds").AsArray().Single(t => t!["threshold"]!.GetValue<string>() == "rate<0.01")!;
        Assert.False(rate["passed"]!.GetValue<bool>());
        Assert.InRange(rate["observed"]!.GetValue<double>(), 0.40, 0.60); // 200 requests to / at 50 %: within 5 standard deviations
        Assert.Equal(200, rate["samples"]!.GetValue<long>());

        // /healthz is never hit by the fault: its own error rate holds.
        Assert.True(run.Metric("slo", "health_thresholds")[0]!["passed"]!.GetValue<bool>());
        Assert.InRange(ProbeRuns.Number(run.Outputs["slo-error-rate"]), 0.20, 0.30);
    }

    [Fact]
    public async Task With_a_rate_the_open_model_sends_the_planned_requests_for_the_duration()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        var inputs = ProbeRuns.InputsFor(service, "slo");
        inputs["rate"] = "40";
        inputs["duration"] = "1s";
        inputs["requests"] = string.Empty;
        inputs["health-slo"] = string.Empty;
        inputs["slo"] = "count==40, rate<0.01";

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("open", run.Metric("slo", "model").GetValue<string>());
        Assert.Equal(40, run.Metric("slo", "load")["requests"]!.GetValue<long>());
        Assert.Equal(["/", "/healthz"], run.Metric("slo", "service_paths").AsArray().Select(p => p!.GetValue<string>()));
        Assert.Null(run.Report!["metrics"]!["slo"]!["health_thresholds"]);
        Assert.Equal(40, run.Metric("slo", "thresholds")[0]!["observed"]!.GetValue<double>());
        Assert.Equal(40, run.Metric("slo", "thresholds")[1]!["samples"]!.GetValue<long>());
        Assert.NotNull(run.Metric("slo", "load")["send_delay"]);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| 40 | open |"), run.Summary, StringComparison.Ordinal);
    }
}
