using Tailpaste.Shared.Http;

namespace Tailpaste.Shared.Tests.Http;

public sealed class SameOriginPathTests
{
    private static readonly Uri _service = new("http://tailpaste:8080/");

    [Theory]
    [InlineData("/readyz", "http://tailpaste:8080/readyz")]
    [InlineData("/health/ready?full=1", "http://tailpaste:8080/health/ready?full=1")]
    [InlineData("/a/../b", "http://tailpaste:8080/b")]
    [InlineData("/%2F%2Fother-host/x", "http://tailpaste:8080/%2F%2Fother-host/x")]
    public void A_plain_path_is_joined_on_the_same_origin(string path, string expected)
    {
        var url = SameOriginPath.TryResolve(_service, path, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, url!.ToString());
    }

    [Theory]
    [InlineData("//other-host:9000/x", "it starts with //, which names another host")]
    [InlineData("http://other-host:9000/x", "it does not start with /")]
    [InlineData("/\\other-host:9000/x", "it holds a backslash, which a URL reads as /")]
    [InlineData("\\\\other-host/x", "it does not start with /")]
    [InlineData("/@other-host/x", "it holds @, which can make the part before it a user name")]
    [InlineData("/x\n/y", "it holds spaces or control characters")]
    [InlineData("readyz", "it does not start with /")]
    [InlineData("", "it is empty")]
    public void A_path_that_could_leave_the_origin_is_refused_with_the_reason(string path, string expected)
    {
        var url = SameOriginPath.TryResolve(_service, path, out var problem);

        Assert.Null(url);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Origins_compare_scheme_host_and_port()
    {
        Assert.True(Origin.Same(new Uri("http://Tailpaste:80/a"), new Uri("http://tailpaste/b")));
        Assert.False(Origin.Same(new Uri("http://tailpaste:8080/"), new Uri("http://tailpaste:8081/")));
        Assert.False(Origin.Same(new Uri("http://tailpaste/"), new Uri("https://tailpaste/")));
        Assert.False(Origin.Same(new Uri("http://tailpaste/"), new Uri("http://tailpaste.evil/")));
        Assert.Equal("https://hooks.slack.com:443", Origin.Of(new Uri("https://hooks.slack.com/services/T0/B0/secret")));
    }
}
