using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tailpaste.HealthCheck.Checks;
using Tailpaste.HealthCheck.Logs;
using Tailpaste.Shared.Probes.Fuzz;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;
using Tailpaste.Shared.Probes.Smoke;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.HealthCheck.Reporting;

/// <summary>
/// The report's JSON metadata, generated at build time: the shared shape without reflection. A check's metrics are
/// values of type object, so every type a check records as a metric is listed here (HealthCheckJsonTests writes one of each).
/// </summary>
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(List<Dictionary<string, object>>))]
[JsonSerializable(typeof(List<PathCount>))]
[JsonSerializable(typeof(PathCount[]))]
[JsonSerializable(typeof(List<SmokeStepResult>))]
[JsonSerializable(typeof(List<FuzzFinding>))]
[JsonSerializable(typeof(List<FuzzCaseResult>))]
[JsonSerializable(typeof(List<ThresholdVerdict>))]
[JsonSerializable(typeof(LoadResult))]
internal sealed partial class HealthCheckJsonContext : JsonSerializerContext;

/// <summary>The report's options and type info in the shared shape (<see cref="JsonReportOptions"/>).</summary>
internal static class HealthCheckJson
{
    public static JsonSerializerOptions Options { get; } = JsonReportOptions.For(
        HealthCheckJsonContext.Default,
        indented: true,
        new JsonStringEnumConverter<CheckStatus>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<OverallStatus>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<SmokeStepStatus>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<FuzzSeverity>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<FuzzFindingKind>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<FuzzCategory>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<RawExchangeOutcome>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<LoadModel>(JsonReportOptions.EnumNaming),
        new SortedDictionaryConverter<CheckReport>(),
        new SortedDictionaryConverter<IReadOnlyDictionary<string, object?>>(),
        new SortedDictionaryConverter<object?>(),
        new SortedDictionaryConverter<long>(),
        new SortedDictionaryConverter<int>());

    public static JsonTypeInfo<HealthReport> Report { get; } = (JsonTypeInfo<HealthReport>)Options.GetTypeInfo(typeof(HealthReport));
}
