using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tailpaste.Shared.Reporting;
using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows;

/// <summary>The report's JSON metadata, generated at build time: the shared shape without reflection.</summary>
[JsonSerializable(typeof(ValidateWorkflowsReport))]
internal sealed partial class ValidateWorkflowsJsonContext : JsonSerializerContext;

/// <summary>The report's options and type info in the shared shape (<see cref="JsonReportOptions"/>).</summary>
internal static class ValidateWorkflowsJson
{
    public static JsonSerializerOptions Options { get; } = JsonReportOptions.For(
        ValidateWorkflowsJsonContext.Default,
        indented: true,
        new JsonStringEnumConverter<Severity>(JsonReportOptions.EnumNaming));

    public static JsonTypeInfo<ValidateWorkflowsReport> Report { get; } = (JsonTypeInfo<ValidateWorkflowsReport>)Options.GetTypeInfo(typeof(ValidateWorkflowsReport));
}
