using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.DockerCleanup.Reporting;

/// <summary>The report's JSON metadata, generated at build time: the shared shape without reflection.</summary>
[JsonSerializable(typeof(CleanupReport))]
internal sealed partial class DockerCleanupJsonContext : JsonSerializerContext;

/// <summary>The report's options and type info in the shared shape (<see cref="JsonReportOptions"/>).</summary>
internal static class DockerCleanupJson
{
    public static JsonSerializerOptions Options { get; } = JsonReportOptions.For(
        DockerCleanupJsonContext.Default,
        indented: true,
        new JsonStringEnumConverter<ResourceKind>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<SelectedBy>(JsonReportOptions.EnumNaming),
        new JsonStringEnumConverter<Outcome>(JsonReportOptions.EnumNaming),
        new SortedDictionaryConverter<IReadOnlyList<CleanupReportEntry>>(),
        new SortedDictionaryConverter<string>());

    public static JsonTypeInfo<CleanupReport> Report { get; } = (JsonTypeInfo<CleanupReport>)Options.GetTypeInfo(typeof(CleanupReport));
}
