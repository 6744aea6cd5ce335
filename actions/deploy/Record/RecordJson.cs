using System.Text.Json.Serialization;

namespace Tailpaste.Deploy.Record;

/// <summary>The record's JSON shape (source-generated: no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeployRecord))]
internal sealed partial class RecordJson : JsonSerializerContext;
