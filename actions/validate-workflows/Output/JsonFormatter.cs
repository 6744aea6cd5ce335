using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Output;

/// <summary>The machine format: a JSON list of <c>{file, line, column, endColumn?, rule, severity, message}</c>.</summary>
public static class JsonFormatter
{
    private static readonly JsonTypeInfo<List<JsonFormatterItem>> _items = CreateTypeInfo();

    public static string Render(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var items = findings.Select(f => new JsonFormatterItem(f.File, f.Line, f.Column, f.EndColumn, f.Rule, f.Severity == Severity.Error ? "error" : "warning", f.Message)).ToList();
        return JsonSerializer.Serialize(items, _items) + "\n";
    }

    private static JsonTypeInfo<List<JsonFormatterItem>> CreateTypeInfo()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonFormatterContext.Default,
        };
        options.MakeReadOnly();
        return (JsonTypeInfo<List<JsonFormatterItem>>)options.GetTypeInfo(typeof(List<JsonFormatterItem>));
    }
}

/// <summary>One finding as the machine format writes it (camelCase keys, as tools reading this format expect).</summary>
internal sealed record JsonFormatterItem(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("endColumn")] int? EndColumn,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The machine format's JSON metadata, generated at build time.</summary>
[JsonSerializable(typeof(List<JsonFormatterItem>))]
internal sealed partial class JsonFormatterContext : JsonSerializerContext;
