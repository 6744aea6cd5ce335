using System.Net;
using System.Text;
using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

public sealed class PasteContractTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const int OneMebibyte = 1_048_576;

    private PasteServiceProcess Service => fixture.Service;

    [Fact]
    public async Task GetRoot_AnswersOkLine()
    {
        using var client = Service.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK\n", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> Contents => new()
    {
        "hello",
        "line one\nline two\n\nline four after a blank line\n",
        "windows\r\nline endings\r\n",
        "Grüße aus Köln — naïve café, 日本語のテキスト, emoji 🐘🚀",
        "\uFEFFstarts with a byte order mark",
        "  leading and trailing spaces, tab\there  ",
        "symbols: <>&\"'`$%{}[]\\ and a trailing newline\n",
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task CreateThenRead_ReturnsTheSameBytes(string content)
    {
        using var client = Service.CreateClient();
        var sent = Encoding.UTF8.GetBytes(content);

        var id = await CreateAsync(client, sent);
        using var read = await client.GetAsync(new Uri($"/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("text/plain", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(sent, await read.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Create_StoresTheRowWithItsSource()
    {
        using var client = Service.CreateClient();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var id = await CreateAsync(client, Encoding.UTF8.GetBytes("stored row"));

        var row = PasteDatabase.Find(Service.DatabasePath, id);
        Assert.NotNull(row);
        Assert.Equal("stored row", row.Content);
        Assert.Equal("127.0.0.1", row.SourceHost);
        Assert.Equal("anonymous", row.SourceUser);
        var createdAt = DateTimeOffset.Parse(row.CreatedAt, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(createdAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.EndsWith("Z", row.CreatedAt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ExactlyOneMebibyte_IsAcceptedAndReadBackWhole()
    {
        using var client = Service.CreateClient();
        var sent = Filler(OneMebibyte);

        var id = await CreateAsync(client, sent);
        var read = await client.GetByteArrayAsync(new Uri($"/{id}", UriKind.Relative));

        Assert.Equal(OneMebibyte, read.Length);
        Assert.Equal(sent, read);
    }

    [Fact]
    public async Task Create_OneByteOverOneMebibyte_Is413AndStoresNothing()
    {
        using var client = Service.CreateClient();
        var marker = $"too-large-{Guid.NewGuid():N}";
        var sent = Filler(OneMebibyte + 1);
        Encoding.ASCII.GetBytes(marker).CopyTo(sent, 0);

        using var response = await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent(sent));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, PasteDatabase.Scalar(Service.DatabasePath, $"SELECT count(*) FROM pastes WHERE content LIKE '{marker}%';"));
    }

    [Fact]
    public async Task Create_ChunkedBodyOverOneMebibyte_Is413()
    {
        // No Content-Length: the service finds out by reading, and stops one byte past the cap.
        using var client = Service.CreateClient();
        var content = new StreamContent(new MemoryStream(Filler(OneMebibyte + 1)));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Create_EmptyBody_Is400AndStoresNothing()
    {
        using var client = Service.CreateClient();

        using var response = await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("empty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, PasteDatabase.Scalar(Service.DatabasePath, "SELECT count(*) FROM pastes WHERE content = '';"));
    }

    [Fact]
    public async Task Create_InvalidUtf8_Is400()
    {
        using var client = Service.CreateClient();

        using var response = await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent([0x66, 0x6F, 0xC3, 0x28, 0xFF]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("abcdefghijk")]
    [InlineData("abcdefgh-j")]
    [InlineData("abcdefgh%20j")]
    [InlineData("favicon.ico")]
    public async Task Read_MalformedId_Is400(string id)
    {
        using var client = Service.CreateClient();

        using var response = await client.GetAsync(new Uri($"/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("malformed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnknownWellFormedId_Is404()
    {
        using var client = Service.CreateClient();

        using var response = await client.GetAsync(new Uri("/Zz9Zz9Zz9Z", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OtherMethodOnRoot_Is405_AndUnknownPath_Is404()
    {
        using var client = Service.CreateClient();

        using var delete = await client.DeleteAsync(new Uri("/", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/no/such/route", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    internal static async Task<string> CreateAsync(HttpClient client, byte[] body)
    {
        using var response = await client.PostAsync(new Uri("/", UriKind.Relative), new ByteArrayContent(body));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Upload answered {(int)response.StatusCode}: {answer}");
        return PasteUrl.IdOf(answer, client.BaseAddress!);
    }

    // Printable, multi-line ASCII, so the size in bytes is the size in characters.
    private static byte[] Filler(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = i % 64 == 63 ? (byte)'\n' : (byte)('a' + (i % 26));
        }

        return bytes;
    }
}
