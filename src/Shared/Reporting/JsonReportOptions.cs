using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tailpaste.Shared.Reporting;

/// <summary>
/// The one JSON shape every report uses: snake_case keys in declaration order, dictionaries sorted by
/// key, times as ISO-8601 UTC, enums as snake_case strings. Stable output makes reports diffable and
/// snapshot-testable.
/// </summary>
public static class JsonReportOptions
{
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new SortedDictionaryConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
