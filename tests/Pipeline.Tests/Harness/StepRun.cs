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
    public override string ToString() => $"step {Label} ({What}): {Outcome}\n{Log}";
}
