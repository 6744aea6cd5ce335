using System.Text.Json;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.Shared.Actions;

namespace Tailpaste.DockerCleanup.Tests.Support;

/// <summary>
/// One end-to-end run of the action through <see cref="ActionHost"/>, with the variables a runner sets
/// (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, INPUT_*), and what it left behind: exit code, console,
/// outputs, step summary and JSON report.
/// </summary>
internal sealed class ActionRun
{
    private ActionRun(int exitCode, string stdout, string stderr, IReadOnlyDictionary<string, string> outputs, string summary, JsonElement? report)
    {
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        Outputs = outputs;
        Summary = summary;
        Report = report;
    }

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    public IReadOnlyDictionary<string, string> Outputs { get; }

    public string Summary { get; }

    public JsonElement? Report { get; }

    /// <summary>The report's entries for one kind.</summary>
    public IReadOnlyList<ReportRow> Rows(ResourceKind kind)
    {
        var report = Report ?? throw new InvalidOperationException($"The run wrote no report. stdout:\n{Stdout}\nstderr:\n{Stderr}");
        return report.GetProperty("outcomes").TryGetProperty(kind.ToString().ToLowerInvariant(), out var rows)
            ? rows.EnumerateArray().Select(ReportRow.From).ToList()
            : [];
    }

    public IReadOnlyList<ReportRow> AllRows => Enum.GetValues<ResourceKind>().SelectMany(Rows).ToList();

    /// <summary>Runs the action with DOCKER_HOST set (as a runner would), plus the given inputs.</summary>
    public static async Task<ActionRun> StartAsync(string? dockerHost, IReadOnlyDictionary<string, string> inputs)
    {
        var folder = Directory.CreateTempSubdirectory("docker-cleanup-test-");
        try
        {
            var outputFile = Path.Combine(folder.FullName, "output");
            var summaryFile = Path.Combine(folder.FullName, "summary.md");
            var reportFile = Path.Combine(folder.FullName, "report.json");
            var variables = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_OUTPUT"] = outputFile,
                ["GITHUB_STEP_SUMMARY"] = summaryFile,
                [InputValues.VariableName("report-path")] = reportFile,
            };
            if (dockerHost is not null)
            {
                variables["DOCKER_HOST"] = dockerHost;
            }

            foreach (var (name, value) in inputs)
            {
                variables[InputValues.VariableName(name)] = value;
            }

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exitCode = await ActionHost.RunAsync(DockerCleanupAction.Definition, [], variables, stdout, stderr).ConfigureAwait(false);
            var outputs = File.Exists(outputFile) ? ParseOutputs(await File.ReadAllTextAsync(outputFile).ConfigureAwait(false)) : new Dictionary<string, string>();
            var summary = File.Exists(summaryFile) ? await File.ReadAllTextAsync(summaryFile).ConfigureAwait(false) : string.Empty;
            JsonElement? report = File.Exists(reportFile) ? JsonDocument.Parse(await File.ReadAllTextAsync(reportFile).ConfigureAwait(false)).RootElement.Clone() : null;
            return new ActionRun(exitCode, stdout.ToString(), stderr.ToString(), outputs, summary, report);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}\n--- summary\n{Summary}";

    // name<<DELIM\nvalue\nDELIM\n, as the runner reads GITHUB_OUTPUT.
    private static Dictionary<string, string> ParseOutputs(string text)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].IndexOf("<<", StringComparison.Ordinal);
            if (marker < 0)
            {
                continue;
            }

            var name = lines[i][..marker];
            var delimiter = lines[i][(marker + 2)..];
            var value = new List<string>();
            while (++i < lines.Length && lines[i] != delimiter)
            {
                value.Add(lines[i]);
            }

            outputs[name] = string.Join('\n', value);
        }

        return outputs;
    }
}

/// <summary>One resource as the JSON report lists it.</summary>
internal sealed record ReportRow(string Id, string Name, IReadOnlyList<string> Tags, string SelectedBy, string Outcome, string? Reason)
{
    public bool IsRemoval => Outcome is "removed" or "would_remove";

    public static ReportRow From(JsonElement row) => new(
        row.GetProperty("id").GetString()!,
        row.GetProperty("name").GetString()!,
        row.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList(),
        row.GetProperty("selected_by").GetString()!,
        row.GetProperty("outcome").GetString()!,
        row.GetProperty("reason").GetString());
}
