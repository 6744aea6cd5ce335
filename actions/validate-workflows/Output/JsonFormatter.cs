using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Output;

/// <summary>The machine format: a JSON list of <c>{file, line, column, endColumn?, rule, severity, message}</c>.</summary>
public static class JsonFormatter
{
    private static readonly JsonSerializerOptions _options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Render(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var items = findings.Select(f => new Item(f.File, f.Line, f.Column, f.EndColumn, f.Rule, f.Severity == Severity.Error ? "error" : "warning", f.Message)).ToList();
        return JsonSerializer.Serialize(items, _options) + "\n";
    }

    private sealed record Item(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("line")] int Line,
        [property: JsonPropertyName("column")] int Column,
        [property: JsonPropertyName("endColumn")] int? EndColumn,
        [property: JsonPropertyName("rule")] string Rule,
        [property: JsonPropertyName("severity")] string Severity,
        [property: JsonPropertyName("message")] string Message);
}
