using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.BackupRestore.Store;

/// <summary>
/// The JSON of what the action writes and reads back: manifests, container.json and the helper's answers. The
/// report shape (snake_case, ISO-8601 UTC times), but readable too: the report options' sorted-dictionary
/// converter only writes.
/// </summary>
public static class StoreJson
{
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = 32,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new UtcTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
