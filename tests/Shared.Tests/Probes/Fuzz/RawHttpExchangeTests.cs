using System.Text;
using Tailpaste.Shared.Probes.Fuzz;

namespace Tailpaste.Shared.Tests.Probes.Fuzz;

public sealed class RawHttpExchangeTests
{
    [Fact]
    public void Parse_ReadsStatusHeadersAndAContentLengthBody()
    {
        var answer = RawHttpExchange.Parse(Bytes("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nnope!extra"), requireComplete: true);

        Assert.NotNull(answer);
        Assert.Equal(404, answer.Status);
        Assert.Equal("text/plain", answer.Header("content-type"));
        Assert.Equal("nope!", Encoding.ASCII.GetString(answer.Body));
    }

    [Fact]
    public void Parse_DecodesAChunkedBody_AndWaitsForItsEnd()
    {
        const string head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

        Assert.Null(RawHttpExchange.Parse(Bytes(head + "4\r\n<scr\r\n"), requireComplete: true));
        var answer = RawHttpExchange.Parse(Bytes(head + "4\r\n<scr\r\n4;ext=1\r\nipt>\r\n0\r\n\r\n"), requireComplete: true);

        Assert.Equal("<script>", Encoding.ASCII.GetString(answer!.Body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n")]
    [InlineData("garbage\r\n\r\n")]
    [InlineData("HTTP/1.1 abc OK\r\n\r\n")]
    public void Parse_WithoutAFullHead_IsNoAnswer(string text) => Assert.Null(RawHttpExchange.Parse(Bytes(text)));

    [Fact]
    public void Parse_ABodyWithoutLength_IsCompleteOnlyAtTheEndOfTheConnection()
    {
        var bytes = Bytes("HTTP/1.0 200 OK\r\n\r\nuntil close");

        Assert.Null(RawHttpExchange.Parse(bytes, requireComplete: true));
        Assert.Equal("until close", Encoding.ASCII.GetString(RawHttpExchange.Parse(bytes)!.Body));
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);
}
