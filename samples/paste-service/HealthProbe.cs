using System.Net;

namespace Tailpaste.PasteService;

/// <summary>
/// <c>PasteService --probe</c>: asks the running service's /healthz over loopback. It lets the
/// image's HEALTHCHECK work without curl or wget in the runtime image.
/// </summary>
public static class HealthProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Marks the probe's requests in the access log, so log analysis can leave them out.</summary>
    public const string UserAgent = "tailpaste-paste-service-probe";

    public static Uri HealthUri(PasteServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = IPAddress.Parse(options.ListenAddress);
        // A wildcard listener is reached through loopback; a specific one only through itself.
        var host = address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : address;
        return new UriBuilder(Uri.UriSchemeHttp, host.ToString(), options.ListenPort, "/healthz").Uri;
    }

    /// <summary>Null when healthy, otherwise what went wrong.</summary>
    public static async Task<string?> CheckAsync(Uri healthUri, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = Timeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        try
        {
            using var response = await client.GetAsync(healthUri, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                ? null
                : $"{healthUri} answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return $"{healthUri} did not answer: {ex.Message}";
        }
    }
}
