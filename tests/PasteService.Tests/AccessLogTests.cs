using System.Net.Http.Headers;
using System.Text;
using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

public sealed class AccessLogTests
{
    private const string UserAgent = "tailpaste-access-log-test/1.0";

    [Fact]
    public async Task EveryRequest_WritesExactlyOneParseableAccessLine()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.UserAgent.Add(ProductInfoHeaderValue.Parse(UserAgent));

        var requests = new List<(string Method, string Target, int Status, long Bytes)>();
        async Task SendAsync(HttpMethod method, string target, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(target, UriKind.Relative)) { Content = content };
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            requests.Add((method.Method, target, (int)response.StatusCode, body.Length));
        }

        await SendAsync(HttpMethod.Get, "/");
        await SendAsync(HttpMethod.Post, "/", new ByteArrayContent(Encoding.UTF8.GetBytes("logged paste")));
        await SendAsync(HttpMethod.Post, "/", new ByteArrayContent([]));
        await SendAsync(HttpMethod.Get, "/abc");
        await SendAsync(HttpMethod.Get, "/Zz9Zz9Zz9Z?download=1");
        await SendAsync(HttpMethod.Get, "/no/such/route");
        await SendAsync(HttpMethod.Get, "/healthz");
        await SendAsync(HttpMethod.Delete, "/");

        var lines = await service.Output.WaitForLinesAsync(
            line => line.Contains(UserAgent, StringComparison.Ordinal), requests.Count, TimeSpan.FromSeconds(10));
        // Give a stray extra line the chance to show up before counting.
        await Task.Delay(200);
        lines = [.. service.Output.Lines.Where(line => line.Contains(UserAgent, StringComparison.Ordinal))];

        Assert.Equal(requests.Count, lines.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.True(PasteServiceAccessLogLine.TryParse(lines[i], out var entry), $"Not an access line: {lines[i]}");
            Assert.Equal("127.0.0.1", entry.ClientIp);
            Assert.Equal(requests[i].Method, entry.Method);
            Assert.Equal(requests[i].Target, entry.Target);
            Assert.Equal("HTTP/1.1", entry.Protocol);
            Assert.Equal(requests[i].Status, entry.Status);
            Assert.Equal(requests[i].Bytes, entry.Bytes);
            Assert.Equal(UserAgent, entry.UserAgent);
            Assert.Equal("-", entry.Referer);
            Assert.InRange(entry.DurationMs, 0, 60_000);
            Assert.InRange(entry.Time, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddSeconds(1));
        }

        // The accepted upload names its uploader; reads and refused requests do not.
        Assert.Equal("anonymous", ParseAll(lines)[1].User);
        Assert.Equal("-", ParseAll(lines)[0].User);
    }

    [Fact]
    public async Task Stdout_HoldsOnlyAccessLinesAndEventLines()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_ERROR_RATE"] = "1" });
        using var client = service.CreateClient();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).Dispose();
        await service.Output.WaitForLineAsync(line => line.Contains("\"GET /metrics ", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.Equal(0, await service.StopAsync());

        Assert.NotEmpty(service.Output.Lines);
        Assert.All(service.Output.Lines, line =>
            Assert.True(
                PasteServiceAccessLogLine.TryParse(line, out _) || PasteServiceEventLogLine.TryParse(line, out _),
                $"Neither an access line nor an event line: {line}"));
        Assert.Contains(service.Output.Lines, line => PasteServiceEventLogLine.TryParse(line, out var e) && e.Level == "ERROR");
        Assert.Contains(service.Output.Lines, line => PasteServiceEventLogLine.TryParse(line, out var e) && e.Level == "INFO" && e.Message.StartsWith("listening on", StringComparison.Ordinal));
    }

    private static List<PasteServiceAccessLogLine> ParseAll(IEnumerable<string> lines) =>
        [.. lines.Select(line => PasteServiceAccessLogLine.TryParse(line, out var entry) ? entry : throw new InvalidOperationException(line))];
}
