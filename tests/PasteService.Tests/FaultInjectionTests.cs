using System.Diagnostics;
using System.Net;
using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ErrorRateOne_Answers500OnPasteRoutesAndLogsAnErrorLine()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_ERROR_RATE"] = "1" });
        using var client = service.CreateClient();

        using var root = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var upload = await client.PostAsync(new Uri("/", UriKind.Relative), new StringContent("never stored"));
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, root.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, upload.StatusCode);
        // The operational endpoints stay honest, so the failure is observable rather than a dead process.
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, PasteDatabase.CountPastes(service.DatabasePath));

        var errors = await service.Output.WaitForLinesAsync(
            line => PasteServiceEventLogLine.TryParse(line, out var entry) && entry.Level == "ERROR",
            count: 2,
            TimeSpan.FromSeconds(10));
        Assert.Contains(errors, line => line.Contains("GET /", StringComparison.Ordinal));
        Assert.Contains(errors, line => line.Contains("POST /", StringComparison.Ordinal));
        var accessStatuses = (await AccessLinesAsync(service, 3)).Select(entry => entry.Status).ToList();
        Assert.Equal([500, 500, 200], accessStatuses);
    }

    [Fact]
    public async Task ErrorRateZero_AnswersNormally()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_ERROR_RATE"] = "0" });
        using var client = service.CreateClient();

        using var root = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
    }

    [Fact]
    public async Task Latency_DelaysEveryRequestByAtLeastTheConfiguredTime()
    {
        const int delayMs = 400;
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_LATENCY_MS"] = delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var client = service.CreateClient();

        var timer = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var elapsed = timer.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(delayMs), $"The request took {elapsed.TotalMilliseconds:0} ms, less than the injected {delayMs} ms.");
        var line = Assert.Single(await AccessLinesAsync(service, 1));
        Assert.True(line.DurationMs >= delayMs, $"The access log says {line.DurationMs} ms, less than the injected {delayMs} ms.");
    }

    [Fact]
    public async Task Onset_KeepsTheServiceGoodUntilItsTimeThenInjectsErrors()
    {
        const int onsetSeconds = 3;
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?>
        {
            ["FAULT_ERROR_RATE"] = "1",
            ["FAULT_ONSET_SECONDS"] = onsetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = service.CreateClient();
        var started = Stopwatch.StartNew();

        using var before = await client.GetAsync(new Uri("/", UriKind.Relative));
        var beforeAt = started.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(onsetSeconds) - started.Elapsed + TimeSpan.FromMilliseconds(200));
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(beforeAt < TimeSpan.FromSeconds(onsetSeconds), $"the first request took until {beforeAt}, past the onset");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, after.StatusCode);
    }

    [Fact]
    public async Task ReadinessFail_Makes_Readyz503_WhileHealthzStays200()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_READINESS_FAIL"] = "true" });
        using var client = service.CreateClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await service.Output.WaitForLineAsync(
            line => PasteServiceEventLogLine.TryParse(line, out var entry) && entry.Level == "WARN" && entry.Message.Contains("not ready", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
    }

    // The test's own requests, not the fixture's /healthz polls during start-up.
    private static async Task<IReadOnlyList<PasteServiceAccessLogLine>> AccessLinesAsync(PasteServiceProcess service, int count)
    {
        await service.Output.WaitForLinesAsync(IsTestRequest, count, TimeSpan.FromSeconds(10));
        return [.. service.AccessLog().Where(entry => entry.UserAgent != PasteServiceProcess.FixtureUserAgent)];

        static bool IsTestRequest(string line) =>
            PasteServiceAccessLogLine.TryParse(line, out var entry) && entry.UserAgent != PasteServiceProcess.FixtureUserAgent;
    }
}
