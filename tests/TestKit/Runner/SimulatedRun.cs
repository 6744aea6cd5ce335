namespace Tailpaste.TestKit.Runner;

/// <summary>What one in-process action run left behind: exit code, both streams, the outputs and the step summary.</summary>
public sealed record SimulatedRun(int ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Outputs, string Summary)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}\n--- summary\n{Summary}";
}
