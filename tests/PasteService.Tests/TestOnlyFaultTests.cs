using System.Net;
using System.Text;
using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

/// <summary>The faults the smoke and fuzz probes must catch; each is off unless its variable says true.</summary>
public sealed class TestOnlyFaultTests
{
    private const int TruncatedBytes = 64 * 1024;

    [Fact]
    public async Task TruncateLargePastes_AcceptsWith200ButStoresOnlyTheFirst64KiB()
    {
        await using var service = await PasteServiceProcess.StartAsync(Fault("FAULT_TRUNCATE_LARGE_PASTES"));
        using var client = service.CreateClient();
        // A two-byte character across the cut: the stored text must stay valid UTF-8.
        var large = Encoding.UTF8.GetBytes(new string('a', TruncatedBytes - 1) + "ü" + new string('b', 100_000));
        var small = Encoding.UTF8.GetBytes("small pastes are kept whole");

        var largeRead = await RoundTripAsync(client, service.BaseUrl, large);
        var smallRead = await RoundTripAsync(client, service.BaseUrl, small);

        Assert.Equal(TruncatedBytes - 1, largeRead.Length);
        Assert.Equal(large.AsSpan(0, TruncatedBytes - 1).ToArray(), largeRead);
        Assert.Equal(small, smallRead);
    }

    [Fact]
    public async Task UnknownIdFound_Answers200ForAnIdThatDoesNotExist()
    {
        await using var service = await PasteServiceProcess.StartAsync(Fault("FAULT_UNKNOWN_ID_FOUND"));
        using var client = service.CreateClient();

        using var response = await client.GetAsync(new Uri("/ZZZZZZZZZZ", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/%3Cb%3Eprobe", 400, "<b>probe")]
    [InlineData("/AAAAAAAAAA", 404, "AAAAAAAAAA")]
    public async Task ReflectInput_EchoesTheIdUnescapedAsHtml(string path, int status, string echoed)
    {
        await using var service = await PasteServiceProcess.StartAsync(Fault("FAULT_REFLECT_INPUT"));
        using var client = service.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(echoed, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrashOnMalformedId_Answers500AndLogsAnErrorLine()
    {
        await using var service = await PasteServiceProcess.StartAsync(Fault("FAULT_CRASH_ON_MALFORMED_ID"));
        using var client = service.CreateClient();

        using var malformed = await client.GetAsync(new Uri("/bad-id", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/AAAAAAAAAA", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await service.Output.WaitForLineAsync(
            line => PasteServiceEventLogLine.TryParse(line, out var entry) && entry.Level == "ERROR" && entry.Message.Contains("FAULT_CRASH_ON_MALFORMED_ID", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WithoutTheSwitches_TheContractHolds()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        using var client = service.CreateClient();
        var large = Encoding.UTF8.GetBytes(new string('x', TruncatedBytes + 10));

        var read = await RoundTripAsync(client, service.BaseUrl, large);
        using var unknown = await client.GetAsync(new Uri("/ZZZZZZZZZZ", UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("/%3Cscript%3E", UriKind.Relative));

        Assert.Equal(large, read);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.DoesNotContain("<script>", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The start-up line says no test-only fault is on.
        Assert.DoesNotContain(service.Output.Lines, line => line.Contains("test-only faults on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyTestOnlyFault_IsAnnouncedAtStartWithAWarning()
    {
        await using var service = await PasteServiceProcess.StartAsync(Fault("FAULT_REFLECT_INPUT"));

        var line = await service.Output.WaitForLineAsync(l => l.Contains("test-only faults on", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.True(PasteServiceEventLogLine.TryParse(line, out var entry));
        Assert.Equal("WARN", entry.Level);
        Assert.Contains("reflect input True", entry.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Fault(string name) => new() { [name] = "true" };

    private static async Task<byte[]> RoundTripAsync(HttpClient client, Uri baseUrl, byte[] content)
    {
        using var upload = await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var id = PasteUrl.IdOf(await upload.Content.ReadAsStringAsync(), baseUrl);
        return await client.GetByteArrayAsync(new Uri($"/{id}", UriKind.Relative));
    }
}
