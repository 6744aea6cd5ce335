namespace Tailpaste.TestKit.Runner;

/// <summary>What a container action left behind: its exit code, its two streams, and the runner files it wrote.</summary>
public sealed record ContainerActionRun(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    IReadOnlyDictionary<string, string> Outputs,
    string Summary)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}\n--- summary\n{Summary}";
}
