using Tailpaste.Shared.Actions;

namespace Tailpaste.ValidateWorkflows.Tests.Support;

/// <summary>Runs the action exactly as Program.cs does, with a command line and runner variables, and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ActionHost.RunAsync(ValidateWorkflowsAction.Definition, args, variables ?? new Dictionary<string, string>(), stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
