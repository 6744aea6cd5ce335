using Tailpaste.Shared.Http;

namespace Tailpaste.Shared.Tests.Http;

public sealed class UrlCredentialsTests
{
    [Theory]
    [InlineData("http://tp:s3cret@tailpaste:8080/x?y=1", "http://***@tailpaste:8080/x?y=1")]
    [InlineData("https://token@tailpaste/", "https://***@tailpaste/")]
    [InlineData("http://tailpaste:8080/", "http://tailpaste:8080/")]
    public void Redact_replaces_the_whole_userinfo(string url, string expected) =>
        Assert.Equal(expected, UrlCredentials.Redact(new Uri(url)));

    [Theory]
    [InlineData("http://tp:s3cret@tailpaste:notaport/", "http://***@tailpaste:notaport/")]
    [InlineData("see http://a:b@x and //c:d@y/z", "see http://***@x and //***@y/z")]
    [InlineData("/path/with@sign", "/path/with@sign")]
    public void Redact_of_text_hides_what_looks_like_userinfo(string text, string expected) =>
        Assert.Equal(expected, UrlCredentials.Redact(text));

    [Fact]
    public void Secrets_are_the_userinfo_and_the_password_as_written_and_decoded()
    {
        Assert.Equal(["tp:p%40ss", "tp:p@ss", "p%40ss", "p@ss"], UrlCredentials.Secrets(new Uri("http://tp:p%40ss@tailpaste/")));
        Assert.Equal(["token"], UrlCredentials.Secrets(new Uri("http://token@tailpaste/")));
        Assert.Empty(UrlCredentials.Secrets(new Uri("http://tailpaste/")));
    }

    [Fact]
    public async Task The_probe_sends_no_userinfo_on_its_own()
    {
        await using var server = new RecordingHttpServer(_ => RecordingHttpServer.Response(200));
        using var probe = new HttpProbe();

        await probe.SendAsync(HttpProbeRequest.Get(new Uri($"http://tp:s3cret@{server.Url.Authority}/"), TimeSpan.FromSeconds(10)));

        var request = Assert.Single(server.Requests);
        Assert.False(request.Headers.ContainsKey("Authorization"), string.Join('\n', request.Headers));
    }
}
