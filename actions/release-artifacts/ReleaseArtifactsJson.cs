using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tailpaste.ReleaseArtifacts.Publish;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>The JSON metadata of the report and the assets output, generated at build time: the shared shape without reflection.</summary>
[JsonSerializable(typeof(ReleaseArtifactsReport))]
[JsonSerializable(typeof(IReadOnlyList<PublishedAsset>))]
internal sealed partial class ReleaseArtifactsJsonContext : JsonSerializerContext;

/// <summary>The report (indented) and the assets output (one line) in the shared shape (<see cref="JsonReportOptions"/>).</summary>
internal static class ReleaseArtifactsJson
{
    private static readonly JsonSerializerOptions _indented = JsonReportOptions.For(ReleaseArtifactsJsonContext.Default, indented: true, new SortedDictionaryConverter<int>());
    private static readonly JsonSerializerOptions _compact = JsonReportOptions.For(ReleaseArtifactsJsonContext.Default, indented: false, new SortedDictionaryConverter<int>());

    public static JsonTypeInfo<ReleaseArtifactsReport> Report { get; } = (JsonTypeInfo<ReleaseArtifactsReport>)_indented.GetTypeInfo(typeof(ReleaseArtifactsReport));

    /// <summary>The assets as the <c>assets</c> output: a JSON array on one line.</summary>
    public static string Assets(IReadOnlyList<PublishedAsset> assets) =>
        JsonSerializer.Serialize(assets, (JsonTypeInfo<IReadOnlyList<PublishedAsset>>)_compact.GetTypeInfo(typeof(IReadOnlyList<PublishedAsset>)));
}
