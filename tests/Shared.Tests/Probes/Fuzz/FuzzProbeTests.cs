using System.Diagnostics;
using Tailpaste.Shared.Http;
using Tailpaste.Shared.Probes;
using Tailpaste.Shared.Probes.Fuzz;
using Tailpaste.Shared.Reporting;
using Tailpaste.Shared.Tests.Probes.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Probes.Fuzz;

/// <summary>The fuzz probe against the real sample service, its test-only faults, and scripted servers.</summary>
public sealed class FuzzProbeTests
{
    public FuzzProbeTests() => ThreadPoolHeadroom.Ensure();

    private static readonly Dictionary<string, string> _securityHeaders = new()
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "no-referrer",
    };

    [Fact]
    public async Task SampleService_HasNoFinding_AndIsHealthyAfterwards()
    {
        await using var service = await PasteServiceProcess.StartAsync();

        var result = await RunAsync(new FuzzOptions(service.BaseUrl));

        Assert.True(result.Passed, JsonReportWriter.Serialize(result));
        Assert.Empty(result.Findings);
        Assert.True(result.HealthyAfter);
        Assert.Equal("GET /healthz answered 200 after the run", result.HealthDetail);
        Assert.False(service.HasExited);
        Assert.Equal(CatalogSize, result.Cases.Count);
        // Every case reached the service and got an answer, or (a request the probe cut short) was dropped.
        Assert.All(result.Cases, c => Assert.True(c.Outcome == RawExchangeOutcome.Answered || c.Category == FuzzCategory.TruncatedBody, $"{c.Case}: {c.Outcome}"));
    }

    [Fact]
    public async Task ServiceThatReflectsInput_IsAHighFinding()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_REFLECT_INPUT"] = "true" });

        var result = await RunAsync(new FuzzOptions(service.BaseUrl));

        Assert.False(result.Passed);
        var finding = Assert.Single(result.Findings, f => f.Case == "reflect-path");
        Assert.Equal(FuzzSeverity.High, finding.Severity);
        Assert.Equal(FuzzFindingKind.ReflectedPayload, finding.Kind);
        Assert.Contains("text/html", finding.Detail, StringComparison.Ordinal);
        Assert.True(result.HealthyAfter);
    }

    [Fact]
    public async Task ServiceThatCrashesOnMalformedIds_IsAHighFinding()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_CRASH_ON_MALFORMED_ID"] = "true" });

        var result = await RunAsync(new FuzzOptions(service.BaseUrl));

        Assert.False(result.Passed);
        var errors = result.Findings.Where(f => f.Kind == FuzzFindingKind.ServerError).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, f => Assert.Equal(FuzzSeverity.High, f.Severity));
        Assert.Contains(errors, f => f.Case == "sql-quote" && f.Detail.StartsWith("answered 500", StringComparison.Ordinal));
        Assert.True(result.HealthyAfter);
    }

    [Fact]
    public async Task MissingSecurityHeaders_AreMediumFindings_AndDoNotFailTheRun()
    {
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, "ok"));

        var result = await RunAsync(new FuzzOptions(server.BaseUrl));

        Assert.True(result.Passed, JsonReportWriter.Serialize(result));
        Assert.Equal(3, result.MediumFindings);
        Assert.All(result.Findings, f => Assert.Equal(FuzzFindingKind.MissingSecurityHeader, f.Kind));
        Assert.Equal(FuzzInspector.SecurityHeaders.Order(), result.Findings.Select(f => f.Detail[..f.Detail.IndexOf(" missing", StringComparison.Ordinal)]).Order());
        Assert.All(result.Findings, f => Assert.EndsWith("missing from 2 of 2 answers of the application", f.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CspFrameAncestors_StandsInForXFrameOptions()
    {
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, "ok", new Dictionary<string, string>
        {
            ["X-Content-Type-Options"] = "nosniff",
            ["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'",
            ["Referrer-Policy"] = "same-origin",
        }));

        var result = await RunAsync(new FuzzOptions(server.BaseUrl));

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task TraceThatEchoesTheRequest_IsAHighFinding()
    {
        await using var server = new ScriptedHttpServer(request => request.Method == "TRACE"
            ? new ScriptedResponse(200, string.Join("\r\n", request.Headers.Select(h => $"{h.Key}: {h.Value}")), _securityHeaders)
            : new ScriptedResponse(request.Target == "/healthz" ? 200 : 405, "no", _securityHeaders));

        var result = await RunAsync(new FuzzOptions(server.BaseUrl));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("method-trace", FuzzFindingKind.ReflectedPayload, FuzzSeverity.High), (finding.Case, finding.Kind, finding.Severity));
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task PayloadEchoedIntoAResponseHeader_IsAHighFinding()
    {
        await using var server = new ScriptedHttpServer(request => new ScriptedResponse(302, "moved", new Dictionary<string, string>(_securityHeaders) { ["Location"] = request.Target + "/next" }));

        var result = await RunAsync(new FuzzOptions(server.BaseUrl));

        Assert.Contains(result.Findings, f => f.Case == "crlf-path" && f.Kind == FuzzFindingKind.InjectedHeader && f.Severity == FuzzSeverity.High);
        Assert.Contains(result.Findings, f => f.Case == "crlf-query" && f.Kind == FuzzFindingKind.InjectedHeader);
    }

    [Fact]
    public async Task SystemFileInTheBody_IsAHighFinding()
    {
        await using var server = new ScriptedHttpServer(request => request.Target.Contains("passwd", StringComparison.Ordinal)
            ? new ScriptedResponse(200, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n", _securityHeaders)
            : new ScriptedResponse(404, "no", _securityHeaders));

        var result = await RunAsync(new FuzzOptions(server.BaseUrl));

        var disclosures = result.Findings.Where(f => f.Kind == FuzzFindingKind.Disclosure).Select(f => f.Case).ToList();
        Assert.Contains("traversal-raw", disclosures);
        Assert.Contains("shell-pipe", disclosures);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task EveryRequest_GoesToTheConfiguredHostOnly_BoundedInSizeAndCount_AndRedirectsAreNotFollowed()
    {
        await using var elsewhere = ScriptedHttpServer.Ok();
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(302, Headers: new Dictionary<string, string>(_securityHeaders) { ["Location"] = elsewhere.BaseUrl + "healthz" }));

        var result = await RunAsync(new FuzzOptions(server.BaseUrl));

        Assert.Equal(0, elsewhere.ConnectionCount);
        // One connection per case, and one for the health check afterwards; nothing else.
        Assert.Equal(CatalogSize + 1, server.ConnectionCount);
        Assert.All(server.ConnectionBytes, bytes => Assert.InRange(bytes, 1, FuzzCatalog.MaxRequestBytes));
        Assert.All(server.Requests.Where(r => r.Headers.ContainsKey("Host")), r => Assert.Equal($"127.0.0.1:{server.Port}", r.Headers["Host"]));
        // A redirect is not health: the service did not answer its health path with 2xx.
        Assert.False(result.HealthyAfter);
        Assert.Contains(result.Findings, f => f.Kind == FuzzFindingKind.Unhealthy);
    }

    [Fact]
    public async Task AServerThatNeverAnswers_IsAHangOnEveryCase_AndTheRunStillEndsInBoundedTime()
    {
        await using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, "late", Delay: TimeSpan.FromMinutes(1)));
        var clock = Stopwatch.StartNew();

        var result = await RunAsync(new FuzzOptions(server.BaseUrl) { RequestTimeout = TimeSpan.FromMilliseconds(150) });

        // At most one timeout per case and one for the health check, plus the machine's slack.
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(150 * (CatalogSize + 1)) + TimeSpan.FromSeconds(10), $"{clock.Elapsed}");
        Assert.Contains(result.Findings, f => f.Case == "baseline-root" && f.Kind == FuzzFindingKind.Hang && f.Severity == FuzzSeverity.High);
        Assert.False(result.HealthyAfter);
    }

    [Fact]
    public async Task NothingListening_EveryCaseIsACrash_AndTheServiceIsUnhealthy()
    {
        var port = FreePort();

        var result = await RunAsync(new FuzzOptions(new Uri($"http://127.0.0.1:{port}/")) { RequestTimeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(CatalogSize + 1, result.HighFindings);
        Assert.All(result.Findings.SkipLast(1), f => Assert.Equal(FuzzFindingKind.Crash, f.Kind));
        Assert.Equal(FuzzFindingKind.Unhealthy, result.Findings[^1].Kind);
    }

    private static int CatalogSize => FuzzCatalog.Build(new ServiceOrigin(new Uri("http://127.0.0.1/")), "marker").Count;

    private static async Task<FuzzResult> RunAsync(FuzzOptions options)
    {
        using var http = new HttpProbe();
        return await new FuzzProbe(http).RunAsync(options);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
