using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// Recovery dispatch edge cases against a service address nothing listens on (a real connection failure, so
/// every run is unhealthy), a real SQLite history and WireMock.Net as the GitHub API.
/// </summary>
public sealed class DispatchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-health-dispatch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_refused_dispatch_is_reported_not_recorded_and_retried_by_the_next_run()
    {
        using var fake = new FakeGitHubAndSlack(dispatchStatus: 403);
        var inputs = UnhealthyInputs(fake, after: "1");

        var first = await ActionRun.RunAsync(inputs);
        var second = await ActionRun.RunAsync(inputs);

        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Equal("false", first.Outputs["recovery-dispatched"]);
        Assert.Contains("Resource not accessible by integration", first.Report!["recovery"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("::error::Recovery: dispatching deploy.yml failed", first.Stdout, StringComparison.Ordinal);

        // Not inside a cooldown: the failed attempt was not stored as a dispatch.
        Assert.Equal(2, fake.Dispatches.Count);
        Assert.Equal("false", second.Outputs["recovery-dispatched"]);
    }

    [Fact]
    public async Task After_the_cooldown_the_next_unhealthy_run_dispatches_again()
    {
        using var fake = new FakeGitHubAndSlack();
        var inputs = UnhealthyInputs(fake, after: "1", cooldown: "2s");

        var first = await ActionRun.RunAsync(inputs);
        var inside = await ActionRun.RunAsync(inputs);
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var after = await ActionRun.RunAsync(inputs);

        Assert.Equal(["true", "false", "true"], new[] { first, inside, after }.Select(r => r.Outputs["recovery-dispatched"]));
        Assert.Equal(2, fake.Dispatches.Count);
        Assert.Equal("3", after.Outputs["consecutive-failures"]);
    }

    [Fact]
    public async Task A_degraded_run_ends_the_streak_of_unhealthy_runs()
    {
        using var fake = new FakeGitHubAndSlack();
        var inputs = UnhealthyInputs(fake, after: "2");
        var emptyLog = Path.Combine(_folder, "quiet.log");
        var noisyLog = Path.Combine(_folder, "noisy.log");
        await File.WriteAllTextAsync(emptyLog, string.Empty);
        await File.WriteAllLinesAsync(noisyLog, Enumerable.Range(0, 20).Select(i => $"2025-11-23T09:00:{i:00}.000Z ERROR Store: database is locked"));

        inputs["checks"] = "service";
        var unhealthy = await ActionRun.RunAsync(inputs);
        var degraded = await ActionRun.RunAsync(new Dictionary<string, string>(inputs) { ["checks"] = "logs", ["log-file"] = noisyLog });
        var unhealthyAgain = await ActionRun.RunAsync(inputs);

        Assert.Equal("unhealthy", unhealthy.Outputs["status"]);
        Assert.Equal("degraded", degraded.Outputs["status"]);
        Assert.Equal("0", degraded.Outputs["consecutive-failures"]);
        Assert.Equal("1", unhealthyAgain.Outputs["consecutive-failures"]);
        Assert.Empty(fake.Dispatches);

        // unknown → unhealthy, unhealthy → degraded, degraded → unhealthy: three changes, three messages.
        Assert.Equal(3, fake.SlackMessages.Count);
        Assert.Contains("is degraded (was unhealthy). Failed checks: logs.", FakeGitHubAndSlack.Body(fake.SlackMessages[1])["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slack_webhook_that_refuses_is_a_warning_and_not_a_failed_run()
    {
        using var fake = new FakeGitHubAndSlack();
        var inputs = UnhealthyInputs(fake, after: "5");
        inputs["slack-webhook"] = fake.ApiUrl + "/services/unknown";

        var run = await ActionRun.RunAsync(inputs);

        Assert.Equal(1, run.ExitCode); // unhealthy, not a crash
        Assert.Contains("::warning::Notification: the slack target answered 404", run.Stdout, StringComparison.Ordinal);
        Assert.Single(fake.WebhookMessages);
        Assert.Equal(["webhook"], run.Report!["notification"]!["targets"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    private Dictionary<string, string> UnhealthyInputs(FakeGitHubAndSlack fake, string after, string cooldown = "1h")
    {
        var inputs = fake.RecoveryInputs(Path.Combine(_folder, "history.db"), cooldown);
        inputs["recover-after"] = after;
        inputs["checks"] = "service";
        inputs["service-url"] = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}";
        inputs["attempts"] = "1";
        inputs["response-timeout"] = "2";
        return inputs;
    }
}
