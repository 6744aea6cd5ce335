using System.Net;
using System.Text;
using Tailpaste.Shared.Http;

namespace Tailpaste.Shared.Tests.Http;

/// <summary>Redirects through the shared handler and the probe, against real HTTP servers on 127.0.0.1.</summary>
public sealed class SameOriginRedirectHandlerTests
{
    [Fact]
    public async Task A_redirect_to_another_origin_is_returned_and_the_other_server_receives_nothing()
    {
        await using var other = new RecordingHttpServer(_ => RecordingHttpServer.Response(200));
        await using var first = new RecordingHttpServer(_ => RecordingHttpServer.Response(307, $"Location: {other.Url}collect"));
        using var client = new HttpClient(new SameOriginRedirectHandler());

        using var response = await client.PostAsync(new Uri(first.Url, "/hook"), new StringContent("{\"text\":\"secret\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(new Uri(other.Url, "/collect"), SameOriginRedirectHandler.Target(response));
        Assert.Single(first.Requests);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task A_307_on_the_same_origin_repeats_the_method_the_body_and_the_authorization()
    {
        await using var server = new RecordingHttpServer(r => r.Path == "/old" ? RecordingHttpServer.Response(307, "Location: /new") : RecordingHttpServer.Response(202));
        using var client = new HttpClient(new SameOriginRedirectHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Url, "/old")) { Content = new StringContent("payload", Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "t0ken");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var requests = server.Requests.ToArray();
        Assert.Equal([("POST", "/old"), ("POST", "/new")], requests.Select(r => (r.Method, r.Path)));
        Assert.Equal("payload", requests[1].Body);
        Assert.Equal("Bearer t0ken", requests[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_303_after_a_post_continues_with_a_get_without_the_body()
    {
        await using var server = new RecordingHttpServer(r => r.Path == "/submit" ? RecordingHttpServer.Response(303, "Location: /done") : RecordingHttpServer.Response(200));
        using var client = new HttpClient(new SameOriginRedirectHandler());

        using var response = await client.PostAsync(new Uri(server.Url, "/submit"), new StringContent("payload"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = server.Requests.ToArray()[1];
        Assert.Equal(("GET", "/done", string.Empty), (second.Method, second.Path, second.Body));
    }

    [Fact]
    public async Task A_redirect_loop_on_the_same_origin_ends_after_the_limit_with_the_redirect()
    {
        await using var server = new RecordingHttpServer(_ => RecordingHttpServer.Response(302, "Location: /again"));
        using var client = new HttpClient(new SameOriginRedirectHandler());

        using var response = await client.GetAsync(new Uri(server.Url, "/again"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(SameOriginRedirectHandler.MaxRedirects + 1, server.Requests.Count);
    }

    [Fact]
    public async Task The_probe_follows_no_redirect_and_reports_the_status()
    {
        await using var other = new RecordingHttpServer(_ => RecordingHttpServer.Response(200));
        await using var service = new RecordingHttpServer(_ => RecordingHttpServer.Response(302, $"Location: {other.Url}"));
        using var probe = new HttpProbe();

        var result = await probe.SendAsync(HttpProbeRequest.Get(service.Url, TimeSpan.FromSeconds(10)));

        Assert.Equal(302, result.StatusCode);
        Assert.False(result.IsSuccess);
        Assert.Empty(other.Requests);
    }
}
