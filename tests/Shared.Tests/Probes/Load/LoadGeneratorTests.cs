using System.Diagnostics;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;
using Tailpaste.Shared.Tests.Probes.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Probes.Load;

/// <summary>The load generator against servers the tests start and script.</summary>
public sealed class LoadGeneratorTests
{
    public LoadGeneratorTests() => ThreadPoolHeadroom.Ensure();

    [Fact]
    public async Task ClosedModel_SendsExactlyTheRequestedCount_ToThePathsInTurn()
    {
        await using var server = ScriptedHttpServer.Ok();

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Paths = ["/a", "/b?x=1"], Concurrency = 4, Requests = 50 });

        Assert.Equal(50, result.Requests);
        Assert.Equal(0, result.Failures);
        // Four untimed warm-up requests (one per worker, over both paths), then the fifty.
        Assert.Equal(4, result.WarmupRequests);
        Assert.Equal(54, server.Requests.Count);
        Assert.Equal(27, server.Requests.Count(r => r.Target == "/a"));
        Assert.Equal(27, server.Requests.Count(r => r.Target == "/b?x=1"));
        Assert.All(server.Requests, r => Assert.Equal("GET", r.Method));
        Assert.InRange(server.ConnectionCount, 1, 4);
        Assert.Equal(50, result.Latency.Samples);
        Assert.Equal([25L, 25L], result.Paths.Select(p => p.Requests));
        Assert.Equal(50, result.Statuses["200"]);
        var verdict = result.Evaluate(SloDefaults.Service);
        Assert.True(verdict.Passed, string.Join("; ", verdict.Failed.Select(t => t.Reason)));
    }

    [Fact]
    public async Task ClosedModel_WithADuration_StopsSendingWhenItEnds()
    {
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, "ok", Delay: TimeSpan.FromMilliseconds(20)));
        var clock = Stopwatch.StartNew();

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Concurrency = 2, Duration = TimeSpan.FromMilliseconds(600), Warmup = false });

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(5));
        // Two workers at ~20 ms each for 0.6 s: a few dozen requests, never unbounded.
        Assert.InRange(result.Requests, 4, 60);
        Assert.Equal(result.Requests, server.Requests.Count);
        Assert.False(result.StoppedAtTimeLimit);
    }

    [Fact]
    public async Task OpenModel_SendsAtTheConfiguredRate()
    {
        await using var server = ScriptedHttpServer.Ok();
        var clock = Stopwatch.StartNew();

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Model = LoadModel.Open, Rate = 100, Duration = TimeSpan.FromSeconds(1), Concurrency = 10, Warmup = false });

        Assert.Equal(100, result.Requests);
        Assert.Equal(100, server.Requests.Count);
        // The 100th request is due at 0.99 s: the run cannot be much shorter than the schedule.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.98), TimeSpan.FromSeconds(5));
        Assert.NotNull(result.ServiceTime);
        Assert.Equal(100, result.SendDelay!.Samples);
    }

    [Fact]
    public async Task OpenModel_ShowsAStallInTheTail_WhereTheClosedModelHidesIt()
    {
        const int stallMs = 600;
        var closed = await RunAgainstStallingServerAsync(new LoadPlan { ServiceUrl = new Uri("http://127.0.0.1/"), Concurrency = 20, Requests = 600 }, stallMs);
        var open = await RunAgainstStallingServerAsync(new LoadPlan { ServiceUrl = new Uri("http://127.0.0.1/"), Model = LoadModel.Open, Rate = 200, Requests = 600, Concurrency = 20 }, stallMs);

        // Closed: only the 20 requests in flight during the stall waited, 3 % of the samples, so p95 looks fine.
        Assert.True(closed.Latency.P95Ms < stallMs * 0.25, $"closed p95 {closed.Latency.P95Ms} ms");
        Assert.True(closed.Latency.MaxMs >= stallMs * 0.9, $"closed max {closed.Latency.MaxMs} ms");
        // Open: the ~120 requests due during the stall are timed from their due time, so the tail shows it.
        Assert.True(open.Latency.P95Ms >= stallMs * 0.5, $"open p95 {open.Latency.P95Ms} ms");
        Assert.True(open.Latency.P99Ms >= stallMs * 0.75, $"open p99 {open.Latency.P99Ms} ms");
        Assert.True(open.Latency.MaxMs >= stallMs * 0.9, $"open max {open.Latency.MaxMs} ms");
        // The same run timed from the actual send (what hey or wrk would print) hides it like the closed model.
        Assert.True(open.ServiceTime!.P95Ms < stallMs * 0.25, $"open service-time p95 {open.ServiceTime.P95Ms} ms");
        Assert.False(open.Evaluate([SloThresholdParser.Parse("p(95)<200")]).Passed);
    }

    [Fact]
    public async Task RedirectOffTheOrigin_IsNotFollowed_AndFails()
    {
        await using var elsewhere = ScriptedHttpServer.Ok();
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(302, Headers: new Dictionary<string, string> { ["Location"] = $"{elsewhere.BaseUrl}steal" }));

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Concurrency = 2, Requests = 10, Warmup = false });

        Assert.Equal(10, result.Failures);
        Assert.Equal(10, result.FailureReasons["redirect"]);
        Assert.Equal(10, result.Statuses["302"]);
        Assert.Equal(0, elsewhere.ConnectionCount);
    }

    [Fact]
    public async Task RedirectOnTheOrigin_IsFollowed_AsOneRequest()
    {
        await using var server = new ScriptedHttpServer(request => request.Target == "/old"
            ? new ScriptedResponse(301, Headers: new Dictionary<string, string> { ["Location"] = "/new" })
            : new ScriptedResponse(200, "here"));

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Paths = ["/old"], Concurrency = 1, Requests = 5, Warmup = false });

        Assert.Equal(5, result.Requests);
        Assert.Equal(0, result.Failures);
        Assert.Equal(5, server.Requests.Count(r => r.Target == "/new"));
    }

    [Fact]
    public async Task RedirectLoop_StopsAtTheLimit()
    {
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(302, Headers: new Dictionary<string, string> { ["Location"] = "/again" }));

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Concurrency = 1, Requests = 1, MaxRedirects = 3, Warmup = false });

        Assert.Equal(1, result.FailureReasons["redirect"]);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task BodyOverTheCap_FailsTheRequest_WithoutReadingTheRest()
    {
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, new string('x', 200_000)));

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Concurrency = 1, Requests = 3, MaxBodyBytes = 100_000 });

        Assert.Equal(3, result.FailureReasons["body_too_large"]);
    }

    [Fact]
    public async Task SlowAnswers_TimeOut_AndCountInTheLatencyAtTheTimeout()
    {
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, "late", Delay: TimeSpan.FromSeconds(10)));

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Concurrency = 2, Requests = 2, RequestTimeout = TimeSpan.FromMilliseconds(300), Warmup = false });

        Assert.Equal(2, result.FailureReasons["timeout"]);
        Assert.Equal(2, result.Latency.Samples);
        Assert.InRange(result.Latency.MaxMs!.Value, 290, 2_000);
    }

    [Fact]
    public async Task TimeLimit_CutsTheRunShort()
    {
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, "slow", Delay: TimeSpan.FromSeconds(5)));
        var clock = Stopwatch.StartNew();

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Concurrency = 2, Requests = 1_000, TimeLimit = TimeSpan.FromMilliseconds(500), Warmup = false });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"The run took {clock.Elapsed}.");
        Assert.True(result.StoppedAtTimeLimit);
        Assert.Equal(2, result.Requests);
        Assert.Equal(2, result.FailureReasons["timeout"]);
    }

    [Fact]
    public async Task NothingListening_AllFailWithoutLatencySamples_SoTheLatencyThresholdFails()
    {
        var port = DockerEngineFixture.FreeLoopbackPort();

        var result = await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = new Uri($"http://127.0.0.1:{port}/"), Concurrency = 2, Requests = 6 });

        Assert.Equal(6, result.FailureReasons["connection"]);
        Assert.Equal(0, result.Latency.Samples);
        var verdict = result.Evaluate(SloDefaults.Service);
        Assert.False(verdict.Passed);
        Assert.StartsWith("no samples", verdict.Thresholds[0].Reason, StringComparison.Ordinal);
        Assert.Equal(1.0, verdict.Thresholds[1].Observed);
    }

    [Fact]
    public async Task Observer_FeedsASlidingWindow()
    {
        await using var server = new ScriptedHttpServer(request => new ScriptedResponse(request.Target == "/bad" ? 503 : 200));
        var window = new SloWindow(TimeSpan.FromMinutes(1));

        await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = server.BaseUrl, Paths = ["/good", "/bad"], Concurrency = 2, Requests = 20 }, sample => window.Record(sample.Latency, sample.Outcome.Failed));

        var observation = window.Observe();
        Assert.Equal(20, observation.Requests);
        Assert.Equal(10, observation.Failures);
        Assert.Equal(0.5, observation.ErrorRate);
    }

    [Fact]
    public async Task BasePath_IsKeptAndPathsResolveBeneathIt()
    {
        await using var server = ScriptedHttpServer.Ok();

        await LoadGenerator.RunAsync(new LoadPlan { ServiceUrl = new Uri(server.BaseUrl, "tailpaste"), Paths = ["/healthz"], Concurrency = 1, Requests = 1, Warmup = false });

        Assert.Equal("/tailpaste/healthz", Assert.Single(server.Requests).Target);
    }

    private static async Task<LoadResult> RunAgainstStallingServerAsync(LoadPlan plan, int stallMs)
    {
        // The whole server freezes once (as in a long GC pause) when the 100th request arrives.
        var gate = new Lock();
        var seen = 0;
        long stallEnds = 0;
        await using var server = new ScriptedHttpServer(_ =>
        {
            var now = Stopwatch.GetTimestamp();
            lock (gate)
            {
                if (++seen == 100)
                {
                    stallEnds = now + (stallMs * Stopwatch.Frequency / 1000);
                }

                return new ScriptedResponse(200, "ok", Delay: now < stallEnds ? Stopwatch.GetElapsedTime(now, stallEnds) : TimeSpan.Zero);
            }
        });

        return await LoadGenerator.RunAsync(plan with { ServiceUrl = server.BaseUrl });
    }
}
