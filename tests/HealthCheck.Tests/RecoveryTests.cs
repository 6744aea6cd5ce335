using Docker.DotNet.Models;
using Microsoft.Data.Sqlite;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// History, auto-recovery and state-change notifications: the real sample service in a container that is stopped
/// and started again, a real SQLite history file, and WireMock.Net standing in for the GitHub API and Slack.
/// </summary>
[Trait("Category", "Docker")]
public sealed class RecoveryTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-health-history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Two_unhealthy_runs_dispatch_once_the_cooldown_holds_the_third_and_slack_hears_each_change_once()
    {
        using var fake = new FakeGitHubAndSlack();
        var service = await fixture.StartAsync();
        var history = Path.Combine(_folder, "history.db");
        var inputs = fixture.InputsFor(service);
        inputs["checks"] = "service, container";
        inputs["attempts"] = "1";
        foreach (var (key, value) in fake.RecoveryInputs(history))
        {
            inputs[key] = value;
        }

        await fixture.Engine.Client.Containers.StopContainerAsync(service.ContainerId, new ContainerStopParameters { WaitBeforeKillSeconds = 5 });

        var first = await ActionRun.RunAsync(inputs);
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Equal("unhealthy", first.Outputs["status"]);
        Assert.Equal("1", first.Outputs["consecutive-failures"]);
        Assert.Equal("false", first.Outputs["recovery-dispatched"]);
        Assert.Empty(fake.Dispatches);
        Assert.Single(fake.SlackMessages);

        var second = await ActionRun.RunAsync(inputs);
        Assert.Equal("2", second.Outputs["consecutive-failures"]);
        Assert.Equal("true", second.Outputs["recovery-dispatched"]);
        var dispatch = Assert.Single(fake.Dispatches);
        FakeGitHubAndSlack.AssertDeployDispatch(dispatch);
        Assert.Single(fake.SlackMessages); // still unhealthy: no new message
        Assert.True(second.Report!["recovery"]!["dispatched"]!.GetValue<bool>());

        var third = await ActionRun.RunAsync(inputs);
        Assert.Equal("3", third.Outputs["consecutive-failures"]);
        Assert.Equal("false", third.Outputs["recovery-dispatched"]);
        Assert.Contains("inside the cooldown", third.Report!["recovery"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(fake.Dispatches);
        Assert.Single(fake.SlackMessages);

        await fixture.Engine.Client.Containers.StartContainerAsync(service.ContainerId, new ContainerStartParameters());
        await fixture.Engine.WaitForHttpAsync(service.ContainerId, new Uri(service.Url, "/healthz"), TimeSpan.FromSeconds(60));

        var fourth = await ActionRun.RunAsync(inputs);
        Assert.True(fourth.ExitCode == 0, fourth.ToString());
        Assert.Equal("0", fourth.Outputs["consecutive-failures"]);
        Assert.Single(fake.Dispatches);

        // One message per change: healthy (assumed) → unhealthy, unhealthy → healthy.
        Assert.Equal(2, fake.SlackMessages.Count);
        var down = FakeGitHubAndSlack.Body(fake.SlackMessages[0])["text"]!.GetValue<string>();
        var up = FakeGitHubAndSlack.Body(fake.SlackMessages[1])["text"]!.GetValue<string>();
        Assert.Contains("is unhealthy (was unknown)", down, StringComparison.Ordinal);
        Assert.Contains("Failed checks: service, container.", down, StringComparison.Ordinal);
        Assert.Contains("is healthy (was unhealthy)", up, StringComparison.Ordinal);
        Assert.Equal(2, fake.WebhookMessages.Count);
        var back = FakeGitHubAndSlack.Body(fake.WebhookMessages[1]);
        Assert.Equal("health_status_changed", back["event"]!.GetValue<string>());
        Assert.Equal("healthy", back["status"]!.GetValue<string>());
        Assert.Equal("unhealthy", back["previous_status"]!.GetValue<string>());

        // The history holds every run, and the one dispatch.
        Assert.Equal([("unhealthy", 0L), ("unhealthy", 1L), ("unhealthy", 0L), ("healthy", 0L)], ReadHistory(history));

        // The token went only into the Authorization header and the runner's ::add-mask:: command: never into a
        // report, an output, the summary or another log line.
        foreach (var run in new[] { first, second, third, fourth })
        {
            var logLines = run.Stdout.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal));
            var written = string.Join('\n', logLines) + run.Stderr + run.Report + run.Summary + string.Join('\n', run.Outputs.Values);
            Assert.DoesNotContain(FakeGitHubAndSlack.Token, written, StringComparison.Ordinal);
        }
    }

    private static List<(string Status, long Dispatched)> ReadHistory(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, recovery_dispatched FROM runs ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
