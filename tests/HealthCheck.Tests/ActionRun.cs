using System.Text.Json.Nodes;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>One end-to-end run of the action through ActionHost, with the runner simulated by temp files.</summary>
public sealed record ActionRun(int ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Outputs, string Summary, JsonNode? Report)
{
    public static async Task<ActionRun> RunAsync(IReadOnlyDictionary<string, string> inputs, IReadOnlyList<string>? args = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? limit = null)
    {
        using var runner = new SimulatedRunner("tailpaste-health-run-");
        var reportFile = Path.Combine(runner.Folder, "report.json");
        var withReport = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
        withReport.TryAdd("report-path", reportFile);

        using var deadline = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(90));
        var run = await runner.RunAsync(HealthCheckAction.Definition, withReport, environment, args, deadline.Token);
        var report = File.Exists(reportFile) ? JsonNode.Parse(await File.ReadAllTextAsync(reportFile)) : null;
        return new ActionRun(run.ExitCode, run.Stdout, run.Stderr, run.Outputs, run.Summary, report);
    }

    public string CheckStatus(string check) => Report?["checks"]?[check]?["status"]?.GetValue<string>() ?? "(missing)";

    public string CheckMessage(string check) => Report?["checks"]?[check]?["message"]?.GetValue<string>() ?? "(missing)";

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}\nreport:\n{Report}";
}
