using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

public sealed class UploadTokenTests(TokenServiceFixture fixture) : IClassFixture<TokenServiceFixture>
{
    private PasteServiceProcess Service => fixture.Service;

    [Fact]
    public async Task Upload_WithoutToken_Is403AndLoggedAsWarning()
    {
        using var client = Service.CreateClient();
        var marker = $"no-token-{Guid.NewGuid():N}";

        using var response = await client.PostAsync(new Uri("/", UriKind.Relative), new StringContent(marker));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, PasteDatabase.Scalar(Service.DatabasePath, $"SELECT count(*) FROM pastes WHERE content = '{marker}';"));
        var warning = await Service.Output.WaitForLineAsync(
            line => PasteServiceEventLogLine.TryParse(line, out var e) && e.Level == "WARN" && e.Message.Contains("missing Authorization", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(TokenServiceFixture.Token, warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer", "wrong-token")]
    [InlineData("Bearer", TokenServiceFixture.Token + "x")]
    [InlineData("Basic", TokenServiceFixture.Token)]
    public async Task Upload_WithWrongCredentials_Is403(string scheme, string token)
    {
        using var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);

        using var response = await client.PostAsync(new Uri("/", UriKind.Relative), new StringContent("should not be stored"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, PasteDatabase.Scalar(Service.DatabasePath, "SELECT count(*) FROM pastes WHERE content = 'should not be stored';"));
    }

    [Fact]
    public async Task Upload_WithToken_Is200AndStoresAFingerprintNotTheToken()
    {
        using var client = Service.CreateClient(TokenServiceFixture.Token);

        var id = await PasteContractTests.CreateAsync(client, Encoding.UTF8.GetBytes("with token"));

        var row = PasteDatabase.Find(Service.DatabasePath, id);
        Assert.NotNull(row);
        Assert.Matches("^token:[0-9a-f]{8}$", row.SourceUser);
        Assert.DoesNotContain(TokenServiceFixture.Token, row.SourceUser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NeedsNoToken()
    {
        using var uploader = Service.CreateClient(TokenServiceFixture.Token);
        var id = await PasteContractTests.CreateAsync(uploader, Encoding.UTF8.GetBytes("public read"));
        using var reader = Service.CreateClient();

        using var response = await reader.GetAsync(new Uri($"/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public read", await response.Content.ReadAsStringAsync());
    }
}
