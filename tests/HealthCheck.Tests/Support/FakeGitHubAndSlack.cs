using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// One WireMock.Net server on 127.0.0.1 that answers like the GitHub REST API's workflow dispatch
/// (<c>POST /repos/{owner}/{repo}/actions/workflows/{id}/dispatches</c> → 204 No Content), like a Slack incoming
/// webhook (<c>POST /services/…</c> → 200 <c>ok</c>) and like a generic JSON webhook; the tests read the requests back.
/// </summary>
public sealed class FakeGitHubAndSlack : IDisposable
{
    public const string Owner = "octo";
    public const string Repository = "tailpaste";
    public const string Token = "ghs_healthchecktesttoken0123456789";
    public const string SlackPath = "/services/T0000/B0000/healthchecktest";
    public const string WebhookPath = "/hooks/tailpaste-health";

    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeGitHubAndSlack(int dispatchStatus = 204)
    {
        var dispatch = Response.Create().WithStatusCode(dispatchStatus);
        if (dispatchStatus != 204)
        {
            // GitHub's error shape, e.g. for a token without actions:write.
            dispatch = dispatch.WithHeader("Content-Type", "application/json; charset=utf-8")
                .WithBody("""{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event","status":"403"}""");
        }

        _server.Given(Request.Create().UsingPost().WithPath($"/repos/{Owner}/{Repository}/actions/workflows/*/dispatches"))
            .RespondWith(dispatch);
        _server.Given(Request.Create().UsingPost().WithPath(SlackPath))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("ok"));
        _server.Given(Request.Create().UsingPost().WithPath(WebhookPath))
            .RespondWith(Response.Create().WithStatusCode(202));
    }

    public string ApiUrl => _server.Urls[0];

    public string SlackUrl => _server.Urls[0] + SlackPath;

    public string WebhookUrl => _server.Urls[0] + WebhookPath;

    public IReadOnlyList<ILogEntry> Dispatches => Requests(p => p.EndsWith("/dispatches", StringComparison.Ordinal));

    public IReadOnlyList<ILogEntry> SlackMessages => Requests(p => p == SlackPath);

    public IReadOnlyList<ILogEntry> WebhookMessages => Requests(p => p == WebhookPath);

    /// <summary>The inputs that turn on recovery (after 2, cooldown 1 h unless overridden) and both notifications against this server.</summary>
    public Dictionary<string, string> RecoveryInputs(string historyPath, string cooldown = "1h") => new()
    {
        ["history-path"] = historyPath,
        ["recover"] = "true",
        ["recover-after"] = "2",
        ["recover-cooldown"] = cooldown,
        ["recover-workflow"] = "deploy.yml",
        ["recover-ref"] = "main",
        ["recover-inputs"] = "reason=health-check, environment=production",
        ["repository"] = $"{Owner}/{Repository}",
        ["github-token"] = Token,
        ["github-api-url"] = ApiUrl,
        ["slack-webhook"] = SlackUrl,
        ["webhook-url"] = WebhookUrl,
    };

    /// <summary>
    /// Asserts that a recorded request is the dispatch <see cref="RecoveryInputs"/> configures: a POST of deploy.yml on main
    /// with the reason and environment inputs, authorised with the token.
    /// </summary>
    public static void AssertDeployDispatch(ILogEntry dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        Assert.Equal("POST", dispatch.RequestMessage!.Method);
        Assert.Equal($"/repos/{Owner}/{Repository}/actions/workflows/deploy.yml/dispatches", dispatch.RequestMessage!.Path);
        var body = Body(dispatch);
        Assert.Equal("main", body["ref"]!.GetValue<string>());
        Assert.Equal("health-check", body["inputs"]!["reason"]!.GetValue<string>());
        Assert.Equal("production", body["inputs"]!["environment"]!.GetValue<string>());
        Assert.EndsWith(Token, Header(dispatch, "Authorization"), StringComparison.Ordinal);
    }

    public static JsonNode Body(ILogEntry entry) => JsonNode.Parse(entry.RequestMessage!.Body ?? "null")!;

    public static string Header(ILogEntry entry, string name) =>
        string.Join(", ", entry.RequestMessage!.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value ?? []);

    public void Dispose() => _server.Stop();

    private List<ILogEntry> Requests(Func<string, bool> path) =>
        _server.LogEntries.Where(e => path(e.RequestMessage!.Path)).OrderBy(e => e.RequestMessage!.DateTime).ToList();
}
