namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>One job as it ran: its result (success, failure or skipped), outputs, steps, summary and the settings it was given.</summary>
public sealed record JobRun(
    string Id,
    string Result,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<StepRun> Steps,
    string Summary,
    string RunsOn,
    string? Environment,
    string? ConcurrencyGroup,
    WorkflowRunResult? Called)
{
    public StepRun Step(string id) => Steps.Single(s => s.Id == id);

    public override string ToString() =>
        $"job {Id}: {Result} (runs-on {RunsOn}, environment {Environment ?? "-"}, concurrency {ConcurrencyGroup ?? "-"})\n"
        + string.Join('\n', Steps.Select(s => "  " + s.ToString().Replace("\n", "\n    ", StringComparison.Ordinal)))
        + (Called is null ? string.Empty : "\n  called " + Called.ToString().Replace("\n", "\n  ", StringComparison.Ordinal));
}
