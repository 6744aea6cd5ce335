namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>One step as it ran (or was skipped): what it used, the inputs it got, its outcome and what it left.</summary>
public sealed record StepRun(
    string Label,
    string? Id,
    string What,
    string Outcome,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Outputs,
    string Log,
    string Summary)
{
    /// <summary>How long the step took (zero when skipped), so a slow run shows where its time went.</summary>
    public TimeSpan Elapsed { get; init; }

    public override string ToString() => $"step {Label} ({What}): {Outcome} in {Elapsed.TotalSeconds:0.0} s\n{Log}";
}
