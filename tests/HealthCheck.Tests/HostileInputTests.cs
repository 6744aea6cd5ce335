using System.Globalization;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// Every input of action.yml, one at a time, set to each hostile value (empty, 100 KB, newlines with workflow
/// commands, a link out of the folder, a folder, /dev/zero), the others set so the run is otherwise valid and
/// fast: every check and probe is asked for (the load kept to 20 requests), but the service, the engine and the webhook are addresses where nothing
/// answers. The run ends in time with exit 0, 1 or 2, no stack trace and no forged workflow command.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan _limit = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> Cases => HostileInputs.Cases(HealthCheckAction.Definition.Manifest);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_value_in_any_input_is_contained(string input, string kind)
    {
        using var runner = new SimulatedRunner("tailpaste-health-hostile-");
        var closed = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}";
        var inputs = new Dictionary<string, string>
        {
            ["checks"] = "smoke, fuzz, service, functionality, container, database, logs, disk, tailscale, slo",
            ["requests"] = "20",
            ["service-url"] = closed,
            ["attempts"] = "1",
            ["response-timeout"] = "2",
            ["storage-path"] = Path.Combine(runner.Folder, "storage"),
            ["docker-host"] = $"unix://{Path.Combine(runner.Folder, "no-engine.sock")}",
            ["report-path"] = Path.Combine(runner.Folder, "report.json"),
            ["history-path"] = Path.Combine(runner.Folder, "history.db"),
            ["slack-webhook"] = closed + "/services/T0/B0/x",
            ["webhook-url"] = closed + "/hook",
            ["github-api-url"] = closed,
            ["repository"] = "octo/tailpaste",
        };
        inputs[input] = HostileInputs.Value(kind, runner.Folder);
        var variables = new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = $"unix://{Path.Combine(runner.Folder, "no-engine.sock")}",
            ["TAILPASTE_URL"] = closed,
        };
        using var deadline = new CancellationTokenSource(_limit);

        var run = await runner.RunAsync(HealthCheckAction.Definition, inputs, variables, cancellationToken: deadline.Token);

        Assert.False(deadline.IsCancellationRequested, string.Create(CultureInfo.InvariantCulture, $"input '{input}' = {kind}: the run did not end within {_limit.TotalSeconds} s\n{run}"));
        HostileInputs.AssertContained(run, input, kind);
    }
}
