using Tailpaste.Shared.GitHub;

namespace Tailpaste.Shared.Tests.GitHub;

public sealed class GitHubClientFactoryTests
{
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
}
