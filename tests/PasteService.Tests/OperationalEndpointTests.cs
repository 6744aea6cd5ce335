using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

public sealed partial class OperationalEndpointTests
{
    [Fact]
    public async Task HealthzAndReadyz_Answer200WhenAllIsWell()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        using var client = service.CreateClient();

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Version_ReportsAppVersionAndGitCommit()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?>
        {
            ["APP_VERSION"] = "9.8.7-test.1",
            ["GIT_COMMIT"] = "0123abcd4567",
        });
        using var client = service.CreateClient();

        using var response = await client.GetAsync(new Uri("/version", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("9.8.7-test.1", json.RootElement.GetProperty("version").GetString());
        Assert.Equal("0123abcd4567", json.RootElement.GetProperty("commit").GetString());
    }

    [Fact]
    public async Task Version_WithoutAppVersion_FallsBackToTheBuild()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        using var client = service.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/version", UriKind.Relative)));

        Assert.Matches(@"^\d+\.\d+\.\d+", json.RootElement.GetProperty("version").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("commit").GetString()));
    }

    [Fact]
    public async Task Metrics_CountTheRequestsMadeByRouteAndStatus()
    {
        await using var service = await PasteServiceProcess.StartAsync();
        using var client = service.CreateClient();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/Zz9Zz9Zz9Z", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/not/a/route", UriKind.Relative))).Dispose();
        (await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent([]))).Dispose();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE tailpaste_http_requests_total counter", text, StringComparison.Ordinal);
        Assert.Equal(2, Sample(text, """tailpaste_http_requests_total{method="GET",route="/",status="200"}"""));
        Assert.Equal(1, Sample(text, """tailpaste_http_requests_total{method="GET",route="/{id}",status="404"}"""));
        Assert.Equal(1, Sample(text, """tailpaste_http_requests_total{method="GET",route="unmatched",status="404"}"""));
        Assert.Equal(1, Sample(text, """tailpaste_http_requests_total{method="POST",route="/",status="400"}"""));

        Assert.Contains("# TYPE tailpaste_http_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Equal(3, Sample(text, """tailpaste_http_request_duration_seconds_count{route="/"}"""));
        Assert.Equal(3, Sample(text, """tailpaste_http_request_duration_seconds_bucket{route="/",le="+Inf"}"""));
        var buckets = BucketPattern().Matches(text).Select(m => double.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, buckets.Count);
        Assert.Equal(buckets.Order(), buckets);
    }

    private static double Sample(string exposition, string series)
    {
        var line = exposition.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"No sample {series} in:\n{exposition}");
        return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""^tailpaste_http_request_duration_seconds_bucket\{route="/",le="[^"]+"\} (?<count>\d+)$""", RegexOptions.Multiline)]
    private static partial Regex BucketPattern();
}
