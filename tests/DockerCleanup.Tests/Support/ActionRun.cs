using System.Text.Json;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.DockerCleanup.Tests.Support;

/// <summary>
/// One end-to-end run of the action through the action host (see <see cref="SimulatedRunner"/>), with the variables a runner sets
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

    /// <summary>Runs the action with DOCKER_HOST set (as a runner would), plus the given inputs and command-line arguments.</summary>
    public static async Task<ActionRun> StartAsync(string? dockerHost, IReadOnlyDictionary<string, string> inputs, IReadOnlyList<string>? args = null)
    {
        using var runner = new SimulatedRunner("docker-cleanup-test-");
        var variables = dockerHost is null ? null : new Dictionary<string, string> { ["DOCKER_HOST"] = dockerHost };
        var run = await runner.RunWithReportAsync(DockerCleanupAction.Definition, inputs, variables, args).ConfigureAwait(false);
        JsonElement? report = run.ReportText is { } text ? JsonDocument.Parse(text).RootElement.Clone() : null;
        return new ActionRun(run.ExitCode, run.Stdout, run.Stderr, run.Outputs, run.Summary, report);
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}\n--- summary\n{Summary}";
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
