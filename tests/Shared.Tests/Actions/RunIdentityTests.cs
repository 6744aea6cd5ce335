using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Tests.Actions;

public sealed class RunIdentityTests
{
    [Fact]
    public void Inside_a_run_it_is_the_workflow_the_run_id_and_the_actor()
    {
        var runner = RunnerEnvironment.FromVariables(new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKFLOW"] = "Deploy",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_ACTOR"] = "alice",
        });

        var identity = RunIdentity.From(runner);

        Assert.Equal(new RunIdentity("Deploy", "4242", "alice"), identity);
        Assert.Equal("workflow 'Deploy' run 4242 (actor alice)", identity.ToString());
    }

    [Fact]
    public void Inside_a_run_a_missing_variable_is_unknown()
    {
        var identity = RunIdentity.From(RunnerEnvironment.FromVariables(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }));

        Assert.Equal(new RunIdentity("unknown", "unknown", "unknown"), identity);
    }

    [Fact]
    public void Outside_a_run_it_is_the_process_and_the_user()
    {
        var identity = RunIdentity.From(RunnerEnvironment.FromVariables(new Dictionary<string, string> { ["USER"] = "bob", ["GITHUB_WORKFLOW"] = "Deploy" }));

        Assert.Equal("cli", identity.Workflow);
        Assert.Equal($"{Environment.ProcessId}@{Environment.MachineName}", identity.RunId);
        Assert.Equal("bob", identity.Actor);
    }
}
