using System.Globalization;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Deploy;

/// <summary>Which run this is, for the lock, the deploy record and the history: workflow, run id and actor (or the process outside a run).</summary>
public sealed record DeployRun(string Workflow, string RunId, string Actor)
{
    public static DeployRun From(RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return runner.IsActions
            ? new DeployRun(runner.Get("GITHUB_WORKFLOW") ?? "unknown", runner.Get("GITHUB_RUN_ID") ?? "unknown", runner.Get("GITHUB_ACTOR") ?? "unknown")
            : new DeployRun("cli", string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}@{Environment.MachineName}"), runner.Get("USER") ?? "unknown");
    }

    public override string ToString() => $"workflow '{Workflow}' run {RunId} (actor {Actor})";
}
