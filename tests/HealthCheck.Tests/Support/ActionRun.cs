using System.Text.Json.Nodes;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>One end-to-end run of health-check through TestKit's <see cref="SimulatedRunner"/>, with its report, and the report's check fields.</summary>
public sealed record ActionRun(int ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Outputs, string Summary, JsonNode? Report)
{
    public static async Task<ActionRun> RunAsync(IReadOnlyDictionary<string, string> inputs, IReadOnlyList<string>? args = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? limit = null)
    {
        using var runner = new SimulatedRunner("tailpaste-health-run-");
        using var deadline = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(90));
        var run = await runner.RunWithReportAsync(HealthCheckAction.Definition, inputs, environment, args, deadline.Token);
        return new ActionRun(run.ExitCode, run.Stdout, run.Stderr, run.Outputs, run.Summary, run.Report);
    }

    public string CheckStatus(string check) => Report?["checks"]?[check]?["status"]?.GetValue<string>() ?? "(missing)";

    public string CheckMessage(string check) => Report?["checks"]?[check]?["message"]?.GetValue<string>() ?? "(missing)";

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}\nreport:\n{Report}";
}
