using Tailpaste.TestKit.Runner;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>Runs the action end to end through the action host with variables that simulate the runner.</summary>
public sealed class ActionRun : IDisposable
{
    private readonly SimulatedRunner _runner = new("release-artifacts-run-");

    private ActionRun()
    {
    }

    public string Folder => _runner.Folder;

    public string OutputFile => _runner.OutputFile;

    public string SummaryFile => _runner.SummaryFile;

    public string OutputDir => Path.Combine(Folder, "dist");

    public int ExitCode { get; private set; }

    public string Stdout { get; private set; } = string.Empty;

    public string Stderr { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Outputs => RunnerFile.Outputs(OutputFile);

    /// <summary>Runs the action against <paramref name="repository"/> with the given inputs (without the INPUT_ prefix).</summary>
    public static async Task<ActionRun> StartAsync(string repository, IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string>? variables = null)
    {
        var run = new ActionRun();
        var withDefaults = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
        withDefaults.TryAdd("repository-path", repository);
        withDefaults.TryAdd("output-dir", run.OutputDir);
        withDefaults.TryAdd("steps", "validate, changelog, archive, checksums, installer");
        var result = await run._runner.RunAsync(ReleaseArtifactsAction.Definition, withDefaults, variables);
        run.ExitCode = result.ExitCode;
        run.Stdout = result.Stdout;
        run.Stderr = result.Stderr;
        return run;
    }

    public void Dispose() => _runner.Dispose();
}
