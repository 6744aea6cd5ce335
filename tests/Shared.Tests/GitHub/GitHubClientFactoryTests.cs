using Tailpaste.Shared.GitHub;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Tailpaste.Shared.Tests.GitHub;

public sealed class GitHubClientFactoryTests : IDisposable
{
    private const string Token = "t0ken-never-elsewhere";
    private const string RepositoryJson = """{"id":1,"name":"r","full_name":"o/r","owner":{"login":"o","id":2}}""";
    private readonly WireMockServer _api = WireMockServer.Start();
    private readonly WireMockServer _elsewhere = WireMockServer.Start();

    public GitHubClientFactoryTests()
    {
        _elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(RepositoryJson));
    }

    public void Dispose()
    {
        _api.Dispose();
        _elsewhere.Dispose();
    }

    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3/")]
    [InlineData("http://127.0.0.1:8123", "http://127.0.0.1:8123/")]
    public void The_api_url_is_kept_as_given_with_no_api_v3_added(string apiUrl, string expected)
    {
        var client = GitHubClientFactory.Create(new Uri(apiUrl), "t0ken", "tailpaste-test");

        Assert.Equal(new Uri(expected), client.Connection.BaseAddress);
        Assert.Equal("t0ken", client.Connection.Credentials.Password);
    }

    [Theory]
    [InlineData(307, "127.0.0.1")]
    [InlineData(308, "127.0.0.1")]
    [InlineData(302, "127.0.0.1")]
    [InlineData(307, "localhost")]
    public async Task A_redirect_to_another_origin_is_refused_and_the_other_server_never_sees_the_token(int status, string host)
    {
        var target = $"http://{host}:{_elsewhere.Port}/repos/o/r";
        _api.Given(Request.Create().WithPath("/repos/o/r").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", target));
        var client = GitHubClientFactory.Create(new Uri($"http://127.0.0.1:{_api.Port}"), Token, "tailpaste-test");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Repository.Get("o", "r"));

        Assert.Contains($"Refused to follow the redirect ({status})", error.Message, StringComparison.Ordinal);
        Assert.Contains($"to http://{host}:{_elsewhere.Port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.Single(_api.LogEntries);
        Assert.Contains(Token, _api.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Single(), StringComparison.Ordinal);
        Assert.DoesNotContain(_elsewhere.LogEntries, e => e.RequestMessage?.Headers?.ContainsKey("Authorization") == true);
        Assert.Empty(_elsewhere.LogEntries);
    }

    [Fact]
    public async Task A_redirect_on_the_same_origin_is_followed_with_the_token()
    {
        _api.Given(Request.Create().WithPath("/repos/o/old-name").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", $"http://127.0.0.1:{_api.Port}/repositories/1"));
        _api.Given(Request.Create().WithPath("/repositories/1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(RepositoryJson));
        var client = GitHubClientFactory.Create(new Uri($"http://127.0.0.1:{_api.Port}"), Token, "tailpaste-test");

        var repository = await client.Repository.Get("o", "old-name");

        Assert.Equal("o/r", repository.FullName);
        Assert.Equal(["/repos/o/old-name", "/repositories/1"], _api.LogEntries.Select(e => e.RequestMessage!.Path));
        Assert.All(_api.LogEntries, e => Assert.Contains(Token, e.RequestMessage!.Headers!["Authorization"].Single(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://192.0.2.1/api/v3")]
    [InlineData("http://ghe.example.com/api/v3")]
    public async Task The_token_is_never_sent_over_plain_http_to_another_machine(string apiUrl)
    {
        var client = GitHubClientFactory.Create(new Uri(apiUrl), Token, "tailpaste-test");
        client.SetRequestTimeout(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Repository.Get("o", "r"));

        Assert.StartsWith("Refused to send the token to http://", error.Message, StringComparison.Ordinal);
        Assert.Contains("plain http to another machine", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.github.com", true)]
    [InlineData("https://ghe.example.com/api/v3", true)]
    [InlineData("http://127.0.0.1:8123", true)]
    [InlineData("http://localhost:8123", true)]
    [InlineData("http://[::1]:8123", true)]
    [InlineData("http://api.github.com", false)]
    [InlineData("http://10.0.0.5/api/v3", false)]
    [InlineData("ftp://api.github.com", false)]
    public void Only_https_or_loopback_http_may_carry_the_token(string address, bool safe)
    {
        Assert.Equal(safe, TokenAddress.IsSafe(new Uri(address)));
    }
}
