using Tailpaste.Shared.Http;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>src/Shared/Http's probe against local servers (it lives in Shared but is first used here).</summary>
public sealed class HttpProbeTests
{
    [Fact]
    public async Task A_large_body_is_read_only_up_to_the_cap()
    {
        await using var server = LocalServer.Large(5 * 1024 * 1024);
        using var probe = new HttpProbe();

        var result = await probe.SendAsync(new HttpProbeRequest(HttpMethod.Get, new Uri($"http://127.0.0.1:{server.Port}/"), TimeSpan.FromSeconds(10), MaxBodyBytes: 1000));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(1000, result.Body.Length);
        Assert.True(result.BodyTruncated);
        Assert.Equal(HttpProbeFailure.None, result.Failure);
    }

    [Fact]
    public async Task An_endless_body_ends_in_a_timeout_that_keeps_the_status()
    {
        await using var server = LocalServer.Endless();
        using var probe = new HttpProbe();

        // Long enough for the headers to arrive on a busy 2-core machine (the status must be kept); the body never ends.
        var result = await probe.SendAsync(new HttpProbeRequest(HttpMethod.Get, new Uri($"http://127.0.0.1:{server.Port}/"), TimeSpan.FromSeconds(3), MaxBodyBytes: 64 * 1024 * 1024));

        Assert.Equal(HttpProbeFailure.Timeout, result.Failure);
        Assert.Equal(200, result.StatusCode);
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task Bounded_reader_tells_exactly_the_cap_from_more()
    {
        var exact = await BoundedBodyReader.ReadAsync(new MemoryStream(new byte[10]), 10, CancellationToken.None);
        var more = await BoundedBodyReader.ReadAsync(new MemoryStream(new byte[11]), 10, CancellationToken.None);

        Assert.False(exact.Truncated);
        Assert.Equal(10, exact.Bytes.Length);
        Assert.True(more.Truncated);
        Assert.Equal(10, more.Bytes.Length);
    }
}
