using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.BackupRestore.Reporting;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.BackupRestore.Store;

/// <summary>
/// The JSON of what the action writes and reads back: manifests, container.json and the helper's answers. The
/// report shape (snake_case, ISO-8601 UTC times), but readable too: the report options' sorted-dictionary
/// converter only writes. Every type comes from <see cref="StoreJsonContext"/>, generated at build time.
/// </summary>
public static class StoreJson
{
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>The metadata of <typeparamref name="T"/> (a type of <see cref="StoreJsonContext"/>) in one of the two layouts.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(bool indented = false) =>
        (JsonTypeInfo<T>)(indented ? Indented : Compact).GetTypeInfo(typeof(T));

    public static string Serialize<T>(T value, bool indented = false) => JsonSerializer.Serialize(value, TypeInfo<T>(indented));

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = indented,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = 32,
            TypeInfoResolver = StoreJsonContext.Default,
        };
        options.Converters.Add(new UtcTimestampConverter());
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Every type the store and the helper write or read, so no type is read by reflection.</summary>
[JsonSerializable(typeof(BackupManifest))]
[JsonSerializable(typeof(ContainerSnapshot))]
[JsonSerializable(typeof(DrillRecord))]
[JsonSerializable(typeof(List<BackupListEntry>))]
[JsonSerializable(typeof(HelperFailure))]
[JsonSerializable(typeof(VerifyResult))]
[JsonSerializable(typeof(FactsResult))]
[JsonSerializable(typeof(ProbeResult))]
[JsonSerializable(typeof(ReplaceResult))]
[JsonSerializable(typeof(RemoveResult))]
[JsonSerializable(typeof(ListResult))]
public sealed partial class StoreJsonContext : JsonSerializerContext;
