using System.Globalization;
using System.Text.RegularExpressions;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;
using Tailpaste.Shared.Tests.Probes.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Probes.Load;

/// <summary>The load generator against the real sample service, with its fault switches.</summary>
public sealed partial class LoadAgainstPasteServiceTests
{
    // Long enough that the machine's own scheduling noise (tens of ms on a busy CI host) stays well inside 10 %.
    private const int InjectedLatencyMs = 1000;

    public LoadAgainstPasteServiceTests() => ThreadPoolHeadroom.Ensure();

    [Theory]
    [InlineData(LoadModel.Closed)]
    [InlineData(LoadModel.Open)]
    public async Task InjectedLatency_MeasuredP95IsWithinTenPercent(LoadModel model)
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_LATENCY_MS"] = InjectedLatencyMs.ToString(CultureInfo.InvariantCulture) });
        var plan = model == LoadModel.Closed
            ? new LoadPlan { ServiceUrl = service.BaseUrl, Paths = ["/", "/healthz"], Concurrency = 10, Requests = 60 }
            : new LoadPlan { ServiceUrl = service.BaseUrl, Paths = ["/", "/healthz"], Model = LoadModel.Open, Rate = 20, Requests = 60, Concurrency = 32 };

        var result = await LoadGenerator.RunAsync(plan);

        Assert.Equal(60, result.Requests);
        Assert.Equal(0, result.Failures);
        // The reference is the injected delay; when a busy machine made the service itself slower than that
        // (its own access log says so), the reference is what the service did: the probe must report the
        // service's latency, not the configuration's.
        var serviceP95 = ServiceP95(service);
        var reference = Math.Max(InjectedLatencyMs, serviceP95);
        Assert.True(
            result.Latency.P95Ms >= reference * 0.9 && result.Latency.P95Ms <= reference * 1.1,
            $"p95 {result.Latency.P95Ms} ms; reference {reference} ms (injected {InjectedLatencyMs} ms, the service's own p95 {serviceP95} ms); send delay p95 {result.SendDelay?.P95Ms} ms");
        // The service promises "at least" the injected delay, so no sample may come in under it.
        Assert.True(result.Latency.MinMs >= InjectedLatencyMs, $"min {result.Latency.MinMs} ms");
        var verdict = result.Evaluate(SloThresholdParser.ParseAll(["p(95)<900", "p(95)<1500"]));
        Assert.Equal([false, true], verdict.Thresholds.Select(t => t.Passed));
    }

    [Fact]
    public async Task InjectedErrorRate_MeasuredRateMatchesWithinTwoPoints_AndTheServicesOwnCountExactly()
    {
        const double injected = 0.1;
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_ERROR_RATE"] = injected.ToString(CultureInfo.InvariantCulture) });

        // 4,000 requests: the binomial spread of the share is 0.47 points, so 2 points is over four of it.
        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = service.BaseUrl, Paths = ["/"], Concurrency = 8, Requests = 4_000, Warmup = false });

        Assert.Equal(4_000, result.Requests);
        Assert.InRange(result.ErrorRate!.Value, injected - 0.02, injected + 0.02);
        Assert.Equal(result.Failures, result.Statuses["500"]);
        Assert.Equal(result.Failures, result.FailureReasons["status"]);
        var counted = await ServiceCountsAsync(service);
        Assert.Equal(counted.GetValueOrDefault("500"), result.Statuses["500"]);
        Assert.Equal(counted.GetValueOrDefault("200"), result.Statuses["200"]);
        var verdict = result.Evaluate(SloDefaults.Service);
        Assert.False(verdict.Passed);
        Assert.Equal("rate<0.01", Assert.Single(verdict.Failed).Threshold);
    }

    [Fact]
    public async Task HealthyService_PassesTheDefaultSlos_OnItsPathsAndItsHealthPath()
    {
        await using var service = await PasteServiceProcess.StartAsync();

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = service.BaseUrl, Paths = ["/", "/healthz"], Concurrency = 4, Requests = 400 });

        var all = result.Evaluate(SloDefaults.Service);
        var health = SloEvaluator.Evaluate(SloDefaults.Health, result.Paths.Single(p => p.Path == "/healthz").Observation);
        Assert.True(all.Passed, string.Join("; ", all.Failed.Select(t => t.Reason)));
        Assert.True(health.Passed, string.Join("; ", health.Failed.Select(t => t.Reason)));
        Assert.Equal(200, health.Thresholds[0].Samples);
    }

    private static double ServiceP95(PasteServiceProcess service)
    {
        var logged = service.AccessLog().Where(e => e.UserAgent == Tailpaste.Shared.Probes.ProbeUserAgent.Load).Select(e => e.DurationMs).Order().ToList();
        return logged.Count == 0 ? double.NaN : logged[(int)Math.Ceiling(logged.Count * 0.95) - 1];
    }

    // tailpaste_http_requests_total{method="GET",route="/",status="…"} from the service's own /metrics.
    private static async Task<Dictionary<string, long>> ServiceCountsAsync(PasteServiceProcess service)
    {
        using var client = service.CreateClient();
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return RootRequests().Matches(metrics).ToDictionary(m => m.Groups["status"].Value, m => long.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""^tailpaste_http_requests_total\{method="GET",route="/",status="(?<status>\d{3})"\} (?<count>\d+)$""", RegexOptions.Multiline)]
    private static partial Regex RootRequests();
}
