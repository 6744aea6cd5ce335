using System.Net;
using Tailpaste.TestKit;

namespace Tailpaste.PasteService.Tests;

public sealed class SecurityHeaderTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    public static TheoryData<string, string, int> Requests => new()
    {
        { "GET", "/", 200 },
        { "POST", "/", 400 },
        { "GET", "/AAAAAAAAAA", 404 },
        { "GET", "/not-an-id", 400 },
        { "GET", "/healthz", 200 },
        { "GET", "/metrics", 200 },
        { "DELETE", "/", 405 },
        { "GET", "/no/such/path", 404 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task EveryAnswer_CarriesTheBrowserHardeningHeaders(string method, string path, int status)
    {
        using var client = fixture.Service.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new ByteArrayContent([]);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task AnInjected500_CarriesThemToo()
    {
        await using var service = await PasteServiceProcess.StartAsync(new Dictionary<string, string?> { ["FAULT_ERROR_RATE"] = "1" });
        using var client = service.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
