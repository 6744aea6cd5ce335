using System.Text.Json.Nodes;

namespace Tailpaste.TestKit.Runner;

/// <summary>What one in-process action run left behind: exit code, both streams, the outputs, the step summary and, when asked for, the JSON report.</summary>
public sealed record SimulatedRun(int ExitCode, string Stdout, string Stderr, IReadOnlyDictionary<string, string> Outputs, string Summary)
{
    /// <summary>The report's text when the run was asked to keep it (<see cref="SimulatedRunner.RunWithReportAsync{TOptions}"/>) and wrote one.</summary>
    public string? ReportText { get; init; }

    /// <summary>The report, parsed; null when there is none.</summary>
    public JsonNode? Report => ReportText is null ? null : JsonNode.Parse(ReportText);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}\n--- summary\n{Summary}\n--- report\n{ReportText}";
}
