using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>WireMock.Net answering the workflow dispatch as GitHub's REST API does (204, no body), recording each request.</summary>
public sealed class FakeGitHub : IDisposable
{
    public const string Owner = "octo";
    public const string Repository = "tailpaste";
    public const string Token = "ghs_deploybreakertesttoken0123456789";

    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeGitHub()
    {
        _server.Given(Request.Create().UsingPost().WithPath($"/repos/{Owner}/{Repository}/actions/workflows/*/dispatches"))
            .RespondWith(Response.Create().WithStatusCode(204));
    }

    public string ApiUrl => _server.Urls[0];

    public IReadOnlyList<ILogEntry> Dispatches =>
        [.. _server.LogEntries.Where(e => e.RequestMessage!.Path.EndsWith("/dispatches", StringComparison.Ordinal))];

    public void Dispose() => _server.Stop();
}
