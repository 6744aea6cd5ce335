using System.Text.Json;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Configuration;

/// <summary>
/// The seed's <c>health_check_config.json</c>: a JSON object with known keys only (an unknown key is an error
/// naming it, so a typo cannot silently fall back to a default). Every key is optional.
/// </summary>
public sealed record HealthCheckConfigFile
{
    public const string InputName = "config";

    public static IReadOnlyList<string> Keys { get; } =
    [
        "service_url", "storage_path", "max_db_size_mb", "response_timeout", "critical_error_threshold",
        "tailscale_check", "container_name", "max_response_time_ms", "max_paste_create_time_ms",
    ];

    /// <summary>The seed's file is a few hundred bytes; anything over this is not one.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static HealthCheckConfigFile Empty { get; } = new();

    public string? Path { get; init; }

    public string? ServiceUrl { get; init; }

    public string? StoragePath { get; init; }

    public double? MaxDbSizeMb { get; init; }

    public double? ResponseTimeoutSeconds { get; init; }

    public int? CriticalErrorThreshold { get; init; }

    public bool? TailscaleCheck { get; init; }

    public string? ContainerName { get; init; }

    public double? MaxResponseTimeMs { get; init; }

    public double? MaxPasteCreateTimeMs { get; init; }

    /// <summary>Reads and validates the file; any problem is an <see cref="InputException"/> naming the file, the key and the expectation.</summary>
    public static HealthCheckConfigFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // Size and kind first: /dev/zero, a pipe or a huge file would otherwise be read without end.
        if (InputFile.Problem(path, MaxBytes) is { } problem)
        {
            throw new InputException(InputName, path, $"a JSON file, but {problem}");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputName, path, $"a readable JSON file ({e.Message})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new InputException(InputName, path, $"valid JSON, but line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputException(InputName, path, $"a JSON object with the keys {string.Join(", ", Keys)}, not a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            }

            var config = new HealthCheckConfigFile { Path = path };
            foreach (var property in document.RootElement.EnumerateObject())
            {
                config = property.Name switch
                {
                    "service_url" => config with { ServiceUrl = Text(path, property) },
                    "storage_path" => config with { StoragePath = Text(path, property) },
                    "container_name" => config with { ContainerName = Text(path, property) },
                    "max_db_size_mb" => config with { MaxDbSizeMb = Number(path, property) },
                    "response_timeout" => config with { ResponseTimeoutSeconds = Number(path, property) },
                    "max_response_time_ms" => config with { MaxResponseTimeMs = Number(path, property) },
                    "max_paste_create_time_ms" => config with { MaxPasteCreateTimeMs = Number(path, property) },
                    "critical_error_threshold" => config with { CriticalErrorThreshold = WholeNumber(path, property) },
                    "tailscale_check" => config with { TailscaleCheck = Boolean(path, property) },
                    _ => throw new InputException(InputName, path, $"only the keys {string.Join(", ", Keys)}; the key '{property.Name}' is unknown"),
                };
            }

            return config;
        }
    }

    private static string Text(string path, JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } value
            ? value
            : throw Bad(path, property, "a non-empty string");

    private static double Number(string path, JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.Number && property.Value.GetDouble() is var value && value > 0
            ? value
            : throw Bad(path, property, "a number greater than 0");

    private static int WholeNumber(string path, JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var value) && value >= 0
            ? value
            : throw Bad(path, property, "a whole number of 0 or more");

    private static bool Boolean(string path, JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Bad(path, property, "true or false"),
    };

    private static InputException Bad(string path, JsonProperty property, string expected) =>
        new(InputName, path, $"'{property.Name}' to be {expected}, not {property.Value.GetRawText()}");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
