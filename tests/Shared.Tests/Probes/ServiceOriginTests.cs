using Tailpaste.Shared.Probes;

namespace Tailpaste.Shared.Tests.Probes;

public sealed class ServiceOriginTests
{
    private readonly ServiceOrigin _origin = new(new Uri("http://paste.example:8080/tailpaste?ignored=1#frag"));

    [Theory]
    [InlineData("/healthz", "http://paste.example:8080/tailpaste/healthz")]
    [InlineData("healthz", "http://paste.example:8080/tailpaste/healthz")]
    [InlineData("", "http://paste.example:8080/tailpaste/")]
    [InlineData("?q=1", "http://paste.example:8080/tailpaste/?q=1")]
    [InlineData("a/../b", "http://paste.example:8080/tailpaste/b")]
    public void Resolve_KeepsTheBasePath(string path, string expected) => Assert.Equal(new Uri(expected), _origin.Resolve(path));

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("http://evil.example/")]
    [InlineData("https://paste.example:8080/tailpaste/")]
    [InlineData(@"\\evil\share")]
    [InlineData("../admin")]
    [InlineData("/x\r\nHost: evil")]
    public void Resolve_RefusesAnythingOffTheOrigin(string path) => Assert.Throws<ArgumentException>(() => _origin.Resolve(path));

    [Theory]
    [InlineData("http://PASTE.example:8080/tailpaste/x", true)]
    [InlineData("http://paste.example:8081/tailpaste/x", false)]
    [InlineData("https://paste.example:8080/tailpaste/x", false)]
    [InlineData("http://paste.example.evil:8080/tailpaste/x", false)]
    [InlineData("http://paste.example:8080/other", false)]
    public void Contains_ChecksSchemeHostPortAndBasePath(string url, bool contained) => Assert.Equal(contained, _origin.Contains(new Uri(url)));

    [Theory]
    [InlineData("ftp://paste.example/")]
    [InlineData("http://user:pw@paste.example/")]
    public void Constructor_RefusesOtherSchemesAndUserInfo_WithoutQuotingAPassword(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceOrigin(new Uri(url)));

        Assert.DoesNotContain("pw@", error.Message, StringComparison.Ordinal);
    }
}
