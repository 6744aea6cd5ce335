using System.Text.Json;
using Tailpaste.Shared.Http;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>What the service says about itself on <c>GET /version</c> (<c>{"version":"1.2.3","commit":"…"}</c>); null fields when it does not say.</summary>
public sealed record ServiceVersion(string? Version, string? Commit, string? Problem)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(5);

    public static async Task<ServiceVersion> AskAsync(Uri serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var baseUrl = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");
        using var probe = new HttpProbe();
        var answer = await probe.SendAsync(HttpProbeRequest.Get(new Uri(baseUrl, "version"), _timeout), cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode != 200)
        {
            return new ServiceVersion(null, null, answer.StatusCode is { } status ? $"GET /version answered {status}" : $"GET /version got no answer ({answer.Error})");
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            return new ServiceVersion(Text(document.RootElement, "version"), Text(document.RootElement, "commit"), null);
        }
        catch (JsonException)
        {
            return new ServiceVersion(null, null, "GET /version did not answer JSON");
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 200 } text
            ? text
            : null;
}
