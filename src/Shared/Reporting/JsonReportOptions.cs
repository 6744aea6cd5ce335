using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tailpaste.Shared.Reporting;

/// <summary>
/// The one JSON shape every report uses: snake_case keys in declaration order, dictionaries sorted by
/// key, times as ISO-8601 UTC, enums as snake_case strings. Stable output makes reports diffable and
/// snapshot-testable. An action builds its options with <see cref="For"/> over its source-generated context
/// (with one enum converter per enum and one <see cref="SortedDictionaryConverter{TValue}"/> per dictionary
/// value type its report holds), so no type is read by reflection.
/// </summary>
public static class JsonReportOptions
{
    private static JsonSerializerOptions? _reflective;

    /// <summary>The shape over reflection, for tests and benchmarks that print any value; every action passes its source-generated metadata instead.</summary>
    public static JsonSerializerOptions Indented
    {
        [RequiresUnreferencedCode("Reflection-based serialisation; use For with a source-generated context.")]
        [RequiresDynamicCode("Reflection-based serialisation; use For with a source-generated context.")]
        get => _reflective ??= CreateReflective(indented: true);
    }

    /// <summary>The shape with the types of <paramref name="resolver"/> (a source-generated context) only.</summary>
    /// <param name="converters">The action's enum converters (<c>JsonStringEnumConverter&lt;T&gt;</c> with <see cref="EnumNaming"/>) and sorted-dictionary converters.</param>
    public static JsonSerializerOptions For(IJsonTypeInfoResolver resolver, bool indented, params JsonConverter[] converters)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(converters);
        var options = Base(indented);
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }

        options.TypeInfoResolver = resolver;
        options.MakeReadOnly();
        return options;
    }

    /// <summary>How enum values are written: snake_case (<c>WouldRemove</c> → <c>would_remove</c>).</summary>
    public static JsonNamingPolicy EnumNaming => JsonNamingPolicy.SnakeCaseLower;

    private static JsonSerializerOptions Base(bool indented)
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
        options.Converters.Add(new UtcTimestampConverter());
        return options;
    }

    [RequiresUnreferencedCode("Reflection-based serialisation.")]
    [RequiresDynamicCode("Reflection-based serialisation.")]
    private static JsonSerializerOptions CreateReflective(bool indented)
    {
        var options = Base(indented);
        options.Converters.Add(new JsonStringEnumConverter(EnumNaming));
        options.Converters.Add(new SortedDictionaryConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
