using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tailpaste.Shared.Reporting;

/// <summary>Serialises string-keyed dictionaries with their keys in ordinal order, whatever order they were filled in.</summary>
public sealed class SortedDictionaryConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return DictionaryValueType(typeToConvert) is not null;
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var valueType = DictionaryValueType(typeToConvert)!;
        var converterType = typeof(SortedDictionaryConverter<,>).MakeGenericType(typeToConvert, valueType);
        return (JsonConverter)Activator.CreateInstance(converterType)!;
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsInterface && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        return dictionary is not null && dictionary.GetGenericArguments()[0] == typeof(string) ? dictionary.GetGenericArguments()[1] : null;
    }

    private sealed class SortedDictionaryConverter<TDictionary, TValue> : JsonConverter<TDictionary>
        where TDictionary : IReadOnlyDictionary<string, TValue>
    {
        public override TDictionary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Reports are written, not read, through this converter.");

        public override void Write(Utf8JsonWriter writer, TDictionary value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndObject();
        }
    }
}
