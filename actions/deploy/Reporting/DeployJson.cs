using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Smoke;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.Deploy.Reporting;

/// <summary>The report's JSON metadata, generated at build time: the shared shape without reflection.</summary>
[JsonSerializable(typeof(DeployReport))]
internal sealed partial class DeployJsonContext : JsonSerializerContext;

/// <summary>The report's options and type info in the shared shape (<see cref="JsonReportOptions"/>), with a converter for every enum and dictionary the report holds.</summary>
internal static class DeployJson
{
    public static JsonSerializerOptions Options { get; } = JsonReportOptions.For(
        DeployJsonContext.Default,
        indented: true,
        new JsonStringEnumConverter<SmokeStepStatus>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<LoadModel>(JsonReportOptions.EnumNaming),
        new SortedDictionaryConverter<long>());

    public static JsonTypeInfo<DeployReport> Report { get; } = (JsonTypeInfo<DeployReport>)Options.GetTypeInfo(typeof(DeployReport));
}
