using System.Globalization;

namespace Tailpaste.Shared.Actions;

/// <summary>Who runs the action, for locks, records and manifests: workflow, run id and actor, or the process outside a run.</summary>
/// <param name="Workflow">GITHUB_WORKFLOW, or <c>cli</c> outside a run.</param>
/// <param name="RunId">GITHUB_RUN_ID, or process id and machine outside a run.</param>
/// <param name="Actor">GITHUB_ACTOR, or the user outside a run.</param>
public sealed record RunIdentity(string Workflow, string RunId, string Actor)
{
    private const string Unknown = "unknown";

    public static RunIdentity From(RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return runner.IsActions
            ? new RunIdentity(runner.Get("GITHUB_WORKFLOW") ?? Unknown, runner.Get("GITHUB_RUN_ID") ?? Unknown, runner.Get("GITHUB_ACTOR") ?? Unknown)
            : new RunIdentity("cli", string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}@{Environment.MachineName}"), runner.Get("USER") ?? Unknown);
    }

    public override string ToString() => $"workflow '{Workflow}' run {RunId} (actor {Actor})";
}
