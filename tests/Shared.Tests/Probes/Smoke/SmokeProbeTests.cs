using System.Text.Json;
using Tailpaste.Shared.Http;
using Tailpaste.Shared.Probes.Smoke;
using Tailpaste.Shared.Reporting;
using Tailpaste.Shared.Tests.Probes.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Probes.Smoke;

/// <summary>The smoke probe against the real sample service, its test-only faults, and scripted servers.</summary>
public sealed class SmokeProbeTests
{
    public SmokeProbeTests() => ThreadPoolHeadroom.Ensure();

    private const string Token = "smoke-token-7f3a9c";

    [Fact]
    public async Task HealthyService_PassesEveryStep_AndSkipsTheTokenStepWithoutAToken()
    {
        await using var service = await PasteServiceProcess.StartAsync();

        var result = await RunAsync(new SmokeOptions(service.BaseUrl));

        Assert.True(result.Passed, Report(result));
        Assert.Equal(SmokeStep.All, result.Steps.Select(s => s.Step));
        Assert.All(result.Steps.SkipLast(1), s => Assert.Equal(SmokeStepStatus.Passed, s.Status));
        Assert.Equal(SmokeStepStatus.Skipped, result.Steps[^1].Status);
        // Two pastes stored: the small one and the one of exactly 1 MiB; the oversized one was refused.
        Assert.Equal("2", await AcceptedUploadsAsync(service));
        Assert.Contains("1048576 bytes", result.Steps.Single(s => s.Step == SmokeStep.MaxSize).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceWithAToken_PassesEveryStep_AndTheTokenAppearsNowhereInTheResult()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["UPLOAD_TOKEN"] = Token });

        var result = await RunAsync(new SmokeOptions(service.BaseUrl) { UploadToken = Token });

        Assert.True(result.Passed, Report(result));
        Assert.All(result.Steps, s => Assert.Equal(SmokeStepStatus.Passed, s.Status));
        Assert.Equal("POST / without the token answered 403", result.Steps.Single(s => s.Step == SmokeStep.UploadWithoutToken).Detail);
        Assert.DoesNotContain(Token, Report(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceWithAToken_ProbeWithout_FailsNamingCreate()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["UPLOAD_TOKEN"] = Token });

        var result = await RunAsync(new SmokeOptions(service.BaseUrl));

        Assert.False(result.Passed);
        Assert.Equal(SmokeStep.Create, result.FailedSteps[0]);
        Assert.Contains("answered 403", Step(result, SmokeStep.Create).Detail, StringComparison.Ordinal);
        Assert.Equal(SmokeStepStatus.Skipped, Step(result, SmokeStep.Retrieve).Status);
        Assert.Equal(SmokeStepStatus.Skipped, Step(result, SmokeStep.PublicRead).Status);
    }

    [Fact]
    public async Task ServiceThatTruncatesLargePastes_FailsNamingMaxSize()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_TRUNCATE_LARGE_PASTES"] = "true" });

        var result = await RunAsync(new SmokeOptions(service.BaseUrl));

        Assert.Equal([SmokeStep.MaxSize], result.FailedSteps);
        Assert.Contains("returned only 65536 of the 1048576 bytes sent (cut short)", Step(result, SmokeStep.MaxSize).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceThatFindsUnknownIds_FailsNamingUnknownId()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_UNKNOWN_ID_FOUND"] = "true" });

        var result = await RunAsync(new SmokeOptions(service.BaseUrl));

        Assert.Equal([SmokeStep.UnknownId], result.FailedSteps);
        Assert.Contains("answered 200", Step(result, SmokeStep.UnknownId).Detail, StringComparison.Ordinal);
        Assert.Contains("expected 404", Step(result, SmokeStep.UnknownId).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceThatCrashesOnMalformedIds_FailsNamingMalformedId()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_CRASH_ON_MALFORMED_ID"] = "true" });

        var result = await RunAsync(new SmokeOptions(service.BaseUrl));

        Assert.Equal([SmokeStep.MalformedId], result.FailedSteps);
        Assert.Contains("answered 500", Step(result, SmokeStep.MalformedId).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingListening_FailsReachable_AndSkipsTheRest()
    {
        var result = await RunAsync(new SmokeOptions(new Uri($"http://127.0.0.1:{FreePort()}/")) { RequestTimeout = TimeSpan.FromSeconds(2) });

        Assert.Equal([SmokeStep.Reachable], result.FailedSteps);
        Assert.Contains("got no answer (ConnectionFailure", Step(result, SmokeStep.Reachable).Detail, StringComparison.Ordinal);
        Assert.All(result.Steps.Skip(1), s => Assert.Equal(SmokeStepStatus.Skipped, s.Status));
    }

    [Fact]
    public async Task ALinkToAnotherHost_IsReadBackFromTheConfiguredService()
    {
        // The upload answer names another host; the probe takes only the id from it.
        await using var server = new ScriptedHttpServer(request => request.Method switch
        {
            "POST" => new ScriptedResponse(200, "http://elsewhere.invalid:1/AbCdEfGhIj\n"),
            _ when request.Target == "/AbCdEfGhIj" => new ScriptedResponse(200, "not what was sent"),
            _ when request.Target == "/bad-id" => new ScriptedResponse(400),
            _ when request.Target == "/" => new ScriptedResponse(200, "OK\n"),
            _ => new ScriptedResponse(404),
        });

        var result = await RunAsync(new SmokeOptions(server.BaseUrl));

        Assert.Equal(SmokeStepStatus.Passed, Step(result, SmokeStep.Create).Status);
        Assert.Contains("differs from what was sent at byte 0", Step(result, SmokeStep.Retrieve).Detail, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Method == "GET" && r.Target == "/AbCdEfGhIj");
    }

    [Fact]
    public async Task AServiceThatEchoesTheToken_NeverGetsItIntoTheResult()
    {
        await using var server = new ScriptedHttpServer(request => new ScriptedResponse(500, $"you sent {request.Headers.GetValueOrDefault("Authorization")}"));

        var result = await RunAsync(new SmokeOptions(server.BaseUrl) { UploadToken = Token });

        Assert.Equal(SmokeStep.Reachable, Assert.Single(result.FailedSteps));
        var report = Report(result);
        Assert.DoesNotContain(Token, report, StringComparison.Ordinal);
        // The reachability check sends no token; a create would, so make the server answer it too.
        await using var second = new ScriptedHttpServer(request => request.Method == "POST"
            ? new ScriptedResponse(500, $"you sent {request.Headers.GetValueOrDefault("Authorization")}")
            : new ScriptedResponse(200, "OK\n"));
        var echoed = Report(await RunAsync(new SmokeOptions(second.BaseUrl) { UploadToken = Token }));
        Assert.Contains("you sent Bearer ***", echoed, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, echoed, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_SerialisesWithStepNamesAndStatuses()
    {
        var result = new SmokeResult([new SmokeStepResult(SmokeStep.Reachable, SmokeStepStatus.Failed, "GET / answered 503", 1.5)]);

        using var json = JsonDocument.Parse(JsonReportWriter.Serialize(result));

        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("reachable", json.RootElement.GetProperty("failed_steps")[0].GetString());
        Assert.Equal("failed", json.RootElement.GetProperty("steps")[0].GetProperty("status").GetString());
    }

    private static async Task<SmokeResult> RunAsync(SmokeOptions options)
    {
        using var http = new HttpProbe();
        return await new SmokeProbe(http).RunAsync(options);
    }

    private static SmokeStepResult Step(SmokeResult result, string step) => result.Steps.Single(s => s.Step == step);

    private static string Report(SmokeResult result) => JsonReportWriter.Serialize(result);

    // Accepted uploads, by the service's own count (/metrics).
    private static async Task<string> AcceptedUploadsAsync(PasteServiceProcess service)
    {
        using var client = service.CreateClient();
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = metrics.Split('\n').Single(l => l.StartsWith("tailpaste_http_requests_total{method=\"POST\",route=\"/\",status=\"200\"}", StringComparison.Ordinal));
        return line[(line.LastIndexOf(' ') + 1)..];
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
