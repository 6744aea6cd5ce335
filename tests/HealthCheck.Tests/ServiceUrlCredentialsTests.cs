using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// A service-url with <c>user:password@</c>: the password and the whole userinfo never appear in the report, the
/// summary, the outputs, the log or a notification (WireMock.Net plays Slack and the webhook and keeps the bodies).
/// </summary>
public sealed class ServiceUrlCredentialsTests : IDisposable
{
    private const string Password = "Pa55-w0rd%21";
    private const string DecodedPassword = "Pa55-w0rd!";
    private const string UserInfo = "tp-admin:" + Password;

    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-health-userinfo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_userinfo_of_service_url_is_masked_everywhere_the_run_writes_and_sends(bool inAWorkflow)
    {
        using var fake = new FakeGitHubAndSlack();
        var port = DockerEngineFixture.FreeLoopbackPort();
        var inputs = new Dictionary<string, string>
        {
            ["checks"] = "service, functionality",
            ["service-url"] = $"http://{UserInfo}@127.0.0.1:{port}/",
            ["attempts"] = "1",
            ["history-path"] = Path.Combine(_folder, "history.db"),
            ["slack-webhook"] = fake.SlackUrl,
            ["webhook-url"] = fake.WebhookUrl,
        };
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = inAWorkflow ? "true" : "false" };

        var run = await ActionRun.RunAsync(inputs, environment: environment);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal($"http://***@127.0.0.1:{port}/", run.Report!["service_url"]!.GetValue<string>());
        var slack = Assert.Single(fake.SlackMessages).RequestMessage!.Body!;
        var webhook = Assert.Single(fake.WebhookMessages).RequestMessage!.Body!;
        Assert.Contains($"http://***@127.0.0.1:{port}/", FakeGitHubAndSlack.Body(fake.WebhookMessages[0])["service_url"]!.GetValue<string>(), StringComparison.Ordinal);

        // The runner hides ::add-mask:: lines itself; every other line, file and body must not hold the secret.
        var log = string.Join('\n', run.Stdout.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal))) + run.Stderr;
        foreach (var (where, text) in new[] { ("log", log), ("summary", run.Summary), ("report", run.Report.ToJsonString()), ("outputs", string.Join('\n', run.Outputs.Values)), ("slack", slack), ("webhook", webhook) })
        {
            Assert.False(text.Contains(Password, StringComparison.Ordinal) || text.Contains(DecodedPassword, StringComparison.Ordinal), $"the password is in the {where}:\n{text}");
            Assert.DoesNotContain("tp-admin:", text, StringComparison.Ordinal);
        }

        if (inAWorkflow)
        {
            // Workflow commands escape % as %25; the runner reads it back as the value.
            Assert.Contains($"::add-mask::{UserInfo.Replace("%", "%25", StringComparison.Ordinal)}", run.Stdout, StringComparison.Ordinal);
            Assert.Contains($"::add-mask::{DecodedPassword}", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_service_url_with_userinfo_that_is_bad_input_does_not_echo_the_password()
    {
        var run = await ActionRun.RunAsync(new Dictionary<string, string> { ["service-url"] = $"http://{UserInfo}@127.0.0.1:notaport/" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'service-url' has the value 'http://***@127.0.0.1:notaport/': expected an absolute http:// or https:// URL", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
