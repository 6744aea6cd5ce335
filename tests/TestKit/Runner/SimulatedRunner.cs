using Tailpaste.Shared.Actions;

namespace Tailpaste.TestKit.Runner;

/// <summary>
/// Runs an action in-process through <see cref="ActionHost"/> with the variables a runner sets for a step:
/// <c>GITHUB_ACTIONS</c>, <c>GITHUB_OUTPUT</c> and <c>GITHUB_STEP_SUMMARY</c> as real files in a temp folder
/// this object owns, and inputs as <c>INPUT_&lt;NAME&gt;</c>. Reuse one runner for consecutive steps of a job.
/// </summary>
public sealed class SimulatedRunner : IDisposable
{
    private const string ReportPathInput = "report-path";

    public SimulatedRunner(string prefix = "tailpaste-runner-")
    {
        Folder = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>A temp folder removed on dispose: a place for report files and other step inputs.</summary>
    public string Folder { get; }

    public string OutputFile => Path.Combine(Folder, "github_output");

    public string SummaryFile => Path.Combine(Folder, "step_summary.md");

    /// <param name="inputs">Input values by their action.yml name; every other declared input gets its action.yml default (or ""), as the runner sets them.</param>
    /// <param name="variables">Other environment variables of the step (DOCKER_HOST, GITHUB_REF, ...).</param>
    /// <param name="args">Command-line arguments, for runs as a CLI.</param>
    public async Task<SimulatedRun> RunAsync<TOptions>(
        ActionDefinition<TOptions> action,
        IReadOnlyDictionary<string, string> inputs,
        IReadOnlyDictionary<string, string>? variables = null,
        IReadOnlyList<string>? args = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(inputs);
        File.WriteAllText(OutputFile, string.Empty);
        File.WriteAllText(SummaryFile, string.Empty);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
        };
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        foreach (var (name, value) in RunnerInputs.For(action.Manifest, inputs))
        {
            environment[name] = value;
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await ActionHost.RunAsync(action, args ?? [], environment, stdout, stderr, cancellationToken).ConfigureAwait(false);
        return new SimulatedRun(exitCode, stdout.ToString(), stderr.ToString(), RunnerFile.Outputs(OutputFile), await File.ReadAllTextAsync(SummaryFile, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// <see cref="RunAsync{TOptions}"/> with <c>report-path</c> set to a file in <see cref="Folder"/>, and the report read
    /// back into <see cref="SimulatedRun.ReportText"/>; when the inputs give a report-path, that one is used and not read.
    /// </summary>
    public async Task<SimulatedRun> RunWithReportAsync<TOptions>(
        ActionDefinition<TOptions> action,
        IReadOnlyDictionary<string, string> inputs,
        IReadOnlyDictionary<string, string>? variables = null,
        IReadOnlyList<string>? args = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(inputs);
        // Only the runner's own file is read back: a path the test gives may be a FIFO, a link or a device on purpose.
        var reportFile = Path.Combine(Folder, "report.json");
        var withReport = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
        var ours = withReport.TryAdd(ReportPathInput, reportFile);
        var run = await RunAsync(action, withReport, variables, args, cancellationToken).ConfigureAwait(false);
        return ours && File.Exists(reportFile) ? run with { ReportText = await File.ReadAllTextAsync(reportFile, cancellationToken).ConfigureAwait(false) } : run;
    }

    /// <summary>Runs the action as a CLI does (as Program.cs, outside a workflow): a command line and plain variables, no runner files.</summary>
    public static async Task<SimulatedRun> RunCliAsync<TOptions>(
        ActionDefinition<TOptions> action,
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? variables = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(args);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await ActionHost.RunAsync(action, args, variables ?? new Dictionary<string, string>(), stdout, stderr, cancellationToken).ConfigureAwait(false);
        return new SimulatedRun(exitCode, stdout.ToString(), stderr.ToString(), new Dictionary<string, string>(), string.Empty);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A process the test started may still hold a file; the temp folder is the OS's to clear.
        }
    }
}
