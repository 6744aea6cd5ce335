using System.Text.Json;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// The fields of <c>tailscale status --json</c> the check reads. The output comes from a program inside the
/// service container, so its shape is checked field by field: JSON of another shape is an
/// <see cref="InvalidDataException"/> saying which field was unexpected, never a crash.
/// </summary>
public sealed record TailscaleStatus(string? BackendState, bool Online, string? HostName, IReadOnlyList<string> Addresses, int Peers, int PeersOnline)
{
    public static TailscaleStatus Parse(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "the output");
        var self = Optional(root, "Self", JsonValueKind.Object, "Self");
        var addresses = new List<string>();
        if (self is { } s && Optional(s, "TailscaleIPs", JsonValueKind.Array, "Self.TailscaleIPs") is { } ips)
        {
            foreach (var ip in ips.EnumerateArray())
            {
                addresses.Add(ip.ValueKind == JsonValueKind.String
                    ? ip.GetString()!
                    : throw new InvalidDataException($"'Self.TailscaleIPs' holds {Article(ip.ValueKind)}, not a string"));
            }
        }

        var peers = 0;
        var peersOnline = 0;
        if (Optional(root, "Peer", JsonValueKind.Object, "Peer") is { } peerMap)
        {
            foreach (var peer in peerMap.EnumerateObject())
            {
                Expect(peer.Value, JsonValueKind.Object, $"Peer.{peer.Name}");
                peers++;
                peersOnline += peer.Value.TryGetProperty("Online", out var online) && online.ValueKind == JsonValueKind.True ? 1 : 0;
            }
        }

        return new TailscaleStatus(
            Text(root, "BackendState", "BackendState"),
            self is { } me && me.TryGetProperty("Online", out var o) && o.ValueKind == JsonValueKind.True,
            self is { } node ? Text(node, "HostName", "Self.HostName") : null,
            addresses,
            peers,
            peersOnline);
    }

    private static string? Text(JsonElement parent, string name, string path) =>
        Optional(parent, name, JsonValueKind.String, path)?.GetString();

    /// <summary>The property when present and not null; of the expected kind, or the shape is refused.</summary>
    private static JsonElement? Optional(JsonElement parent, string name, JsonValueKind kind, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Expect(value, kind, path);
        return value;
    }

    private static void Expect(JsonElement value, JsonValueKind kind, string path)
    {
        if (value.ValueKind != kind)
        {
            var what = path == "the output" ? Article(value.ValueKind) : $"'{path}' is {Article(value.ValueKind)}";
            throw new InvalidDataException($"{what}, not {Article(kind)}");
        }
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
