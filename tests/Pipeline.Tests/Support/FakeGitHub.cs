using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Tailpaste.Pipeline.Tests.Support;

/// <summary>
/// WireMock.Net on 127.0.0.1 answering like the GitHub REST API's workflow dispatch
/// (<c>POST /repos/{owner}/{repo}/actions/workflows/{id}/dispatches</c> → 204 No Content); the tests read the requests back.
/// </summary>
public sealed class FakeGitHub : IDisposable
{
    public const string Repository = "octo/tailpaste";
    public const string Token = "ghs_pipelinetesttoken0123456789";

    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeGitHub()
    {
        _server.Given(Request.Create().UsingPost().WithPath($"/repos/{Repository}/actions/workflows/*/dispatches"))
            .RespondWith(Response.Create().WithStatusCode(204));
    }

    public string ApiUrl => _server.Urls[0];

    public IReadOnlyList<ILogEntry> Dispatches =>
        _server.LogEntries.Where(e => e.RequestMessage!.Path.EndsWith("/dispatches", StringComparison.Ordinal)).OrderBy(e => e.RequestMessage!.DateTime).ToList();

    public static JsonNode Body(ILogEntry entry) => JsonNode.Parse(entry.RequestMessage!.Body ?? "null")!;

    public static string Header(ILogEntry entry, string name) =>
        string.Join(", ", entry.RequestMessage!.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value ?? []);

    public void Dispose() => _server.Stop();
}
