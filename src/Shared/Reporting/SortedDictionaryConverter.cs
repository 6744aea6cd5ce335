using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tailpaste.Shared.Reporting;

/// <summary>
/// Writes any string-keyed dictionary of <typeparamref name="TValue"/> with its keys in ordinal order, whatever order
/// it was filled in. One instance per value type an action's report holds; the values are written through the
/// options' (source-generated) metadata, so nothing is discovered by reflection.
/// </summary>
public sealed class SortedDictionaryConverter<TValue> : JsonConverter<IReadOnlyDictionary<string, TValue>>
{
    public override bool CanConvert(Type typeToConvert) =>
        typeof(IReadOnlyDictionary<string, TValue>).IsAssignableFrom(typeToConvert);

    public override IReadOnlyDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Reports are written, not read, through this converter.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, TValue> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var item = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        writer.WriteStartObject();
        foreach (var (key, entry) in value.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, entry, item);
        }

        writer.WriteEndObject();
    }
}
