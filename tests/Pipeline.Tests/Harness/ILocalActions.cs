namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>Runs <c>uses: ./actions/&lt;name&gt;</c> steps for one job, all in one workspace folder (the job's checkout).</summary>
public interface ILocalActions : IDisposable
{
    /// <summary>The host folder the job's steps share, mounted as /github/workspace for container actions.</summary>
    string Workspace { get; }

    Task<LocalActionResult> RunAsync(string action, IReadOnlyDictionary<string, string> inputs);
}

/// <summary>What a local action left: exit code, output, the outputs and the step summary it wrote.</summary>
public sealed record LocalActionResult(int ExitCode, string Log, IReadOnlyDictionary<string, string> Outputs, string Summary);
