using System.Text.Json.Nodes;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>One end-to-end run of the action through ActionHost, with the runner simulated by temp files.</summary>
public sealed record ActionRun(int ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Outputs, string Summary, JsonNode? Report)
{
    public static async Task<ActionRun> RunAsync(IReadOnlyDictionary<string, string> inputs, IReadOnlyList<string>? args = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? limit = null)
    {
        var folder = Directory.CreateTempSubdirectory("tailpaste-health-run-").FullName;
        try
        {
            var outputFile = Path.Combine(folder, "output");
            var summaryFile = Path.Combine(folder, "summary.md");
            var reportFile = Path.Combine(folder, "report.json");
            var variables = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_OUTPUT"] = outputFile,
                ["GITHUB_STEP_SUMMARY"] = summaryFile,
                ["INPUT_REPORT-PATH"] = reportFile,
            };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                variables[name] = value;
            }

            foreach (var (name, value) in inputs)
            {
                variables[InputValues.VariableName(name)] = value;
            }

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            using var deadline = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(90));
            var exit = await ActionHost.RunAsync(HealthCheckAction.Definition, args ?? [], variables, stdout, stderr, deadline.Token);
            var outputs = File.Exists(outputFile) ? ParseOutputs(await File.ReadAllTextAsync(outputFile)) : new Dictionary<string, string>();
            var summary = File.Exists(summaryFile) ? await File.ReadAllTextAsync(summaryFile) : string.Empty;
            var report = File.Exists(reportFile) ? JsonNode.Parse(await File.ReadAllTextAsync(reportFile)) : null;
            return new ActionRun(exit, stdout.ToString(), stderr.ToString(), outputs, summary, report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public string CheckStatus(string check) => Report?["checks"]?[check]?["status"]?.GetValue<string>() ?? "(missing)";

    public string CheckMessage(string check) => Report?["checks"]?[check]?["message"]?.GetValue<string>() ?? "(missing)";

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}\nreport:\n{Report}";

    // name<<DELIM\nvalue\nDELIM\n, as the runner's file commands are written.
    internal static Dictionary<string, string> ParseOutputs(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].IndexOf("<<", StringComparison.Ordinal);
            if (marker <= 0)
            {
                continue;
            }

            var name = lines[i][..marker];
            var delimiter = lines[i][(marker + 2)..];
            var value = new List<string>();
            for (i++; i < lines.Length && lines[i] != delimiter; i++)
            {
                value.Add(lines[i]);
            }

            outputs[name] = string.Join('\n', value);
        }

        return outputs;
    }
}
