namespace Tailpaste.TestKit.Processes;

/// <summary>What a program run to its end left: its exit code and everything it printed.</summary>
/// <param name="Command">The program and its arguments, for messages.</param>
public sealed record ToolResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>This result; throws naming the command, its exit code and output when it did not exit 0.</summary>
    public ToolResult EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{Command} exited {ExitCode}:\n{Stderr}{Stdout}");
}
