using Tailpaste.TestKit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// Requests stay where they were meant to go: paths joined to service-url stay on its origin, and Slack and
/// webhook posts never follow a redirect to another origin. WireMock.Net plays the service, the webhook
/// targets and "another host", and tells what each received.
/// </summary>
public sealed class OriginTests : IDisposable
{
    private readonly WireMockServer _other = WireMockServer.Start();
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-health-origin-").FullName;

    public OriginTests() => _other.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));

    private string OtherHost => new Uri(_other.Urls[0]).Authority;

    public void Dispose()
    {
        _other.Stop();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("//{other}/x", "it starts with //, which names another host")]
    [InlineData("/\\{other}/x", "it holds a backslash, which a URL reads as /")]
    [InlineData("/@{other}/x", "it holds @, which can make the part before it a user name")]
    [InlineData("http://{other}/x", "it does not start with /")]
    public async Task A_readiness_path_that_would_leave_the_service_is_bad_input_and_nothing_is_sent(string template, string reason)
    {
        using var service = WireMockServer.Start();
        service.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200));
        var path = template.Replace("{other}", OtherHost, StringComparison.Ordinal);

        var run = await ActionRun.RunAsync(new Dictionary<string, string>
        {
            ["checks"] = "service",
            ["service-url"] = service.Urls[0],
            ["readiness-path"] = path,
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input 'readiness-path' has the value '{path}': expected a path on the service's own origin", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(reason, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(service.LogEntries);
        Assert.Empty(_other.LogEntries);
    }

    [Fact]
    public async Task A_paste_url_whose_path_names_another_host_fails_the_functionality_check_and_is_not_read()
    {
        using var service = WireMockServer.Start();
        service.Given(Request.Create().UsingPost().WithPath("/"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($"{service.Urls[0]}//{OtherHost}/stolen\n"));

        var run = await ActionRun.RunAsync(new Dictionary<string, string>
        {
            ["checks"] = "functionality",
            ["service-url"] = service.Urls[0],
        });

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("failed", run.CheckStatus("functionality"));
        Assert.Contains("the service answered a paste URL that leads away from its origin", run.CheckMessage("functionality"), StringComparison.Ordinal);
        Assert.Empty(_other.LogEntries);
    }

    [Theory]
    [InlineData("slack-webhook", 307)]
    [InlineData("webhook-url", 308)]
    [InlineData("slack-webhook", 302)]
    public async Task A_notification_redirected_to_another_origin_is_not_followed_and_is_reported(string input, int status)
    {
        using var target = WireMockServer.Start();
        target.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", $"{_other.Urls[0]}/collect"));

        var run = await ActionRun.RunAsync(new Dictionary<string, string>
        {
            ["checks"] = "service",
            ["service-url"] = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}",
            ["attempts"] = "1",
            ["history-path"] = Path.Combine(_folder, "history.db"),
            [input] = $"{target.Urls[0]}/services/T0/B0/secretpath",
        });

        Assert.True(run.ExitCode == 1, run.ToString()); // unhealthy; a failed notification does not change that
        Assert.Single(target.LogEntries);
        Assert.Empty(_other.LogEntries);
        var kind = input == "slack-webhook" ? "slack" : "webhook";
        Assert.Contains($"::warning::Notification: the {kind} target answered {status}, a redirect to http://{OtherHost}, another origin; it was not followed", run.Stdout, StringComparison.Ordinal);
        Assert.False(run.Report!["notification"]!["sent"]!.GetValue<bool>());
    }
}
