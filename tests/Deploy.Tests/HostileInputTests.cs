using System.Globalization;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Deploy.Tests;

/// <summary>
/// Every input of action.yml, one at a time, set to each hostile value (empty, 100 KB, newlines with workflow
/// commands, a link out of the folder, a folder, /dev/zero), the others set so the run is otherwise valid and fast:
/// the engine is a socket where nothing answers. The run ends in time with exit 0, 1 or 2, no stack trace and no
/// forged workflow command.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan _limit = TimeSpan.FromSeconds(20);

    public static TheoryData<string, string> Cases => HostileInputs.Cases(DeployAction.Definition.Manifest);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_value_in_any_input_is_contained(string input, string kind)
    {
        using var runner = new SimulatedRunner("tailpaste-deploy-hostile-");
        var deadEngine = $"unix://{Path.Combine(runner.Folder, "no-engine.sock")}";
        var inputs = new Dictionary<string, string>
        {
            ["strategy"] = "blue-green",
            ["image"] = "tailpaste/paste-service:none",
            ["container-name"] = "tailpaste-hostile-test",
            ["service-url"] = "http://127.0.0.1:9",
            ["allow-no-backup"] = "true",
            ["docker-host"] = deadEngine,
            ["report-path"] = Path.Combine(runner.Folder, "report.json"),
        };
        inputs[input] = HostileInputs.Value(kind, runner.Folder);
        var variables = new Dictionary<string, string> { ["DOCKER_HOST"] = deadEngine, ["TAILPASTE_URL"] = "http://127.0.0.1:9" };
        using var deadline = new CancellationTokenSource(_limit);

        var run = await runner.RunAsync(DeployAction.Definition, inputs, variables, cancellationToken: deadline.Token);

        Assert.False(deadline.IsCancellationRequested, string.Create(CultureInfo.InvariantCulture, $"input '{input}' = {kind}: the run did not end within {_limit.TotalSeconds} s\n{run}"));
        HostileInputs.AssertContained(run, input, kind);
    }
}
