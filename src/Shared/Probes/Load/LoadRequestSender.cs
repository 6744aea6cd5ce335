using System.Net;
using System.Net.Http.Headers;

namespace Tailpaste.Shared.Probes.Load;

/// <summary>
/// Sends the GET requests of a load run: keep-alive connections to the service only (no proxy, no cookies,
/// no automatic redirects), at most <c>concurrency</c> of them; reads each body to its last byte into a
/// caller's buffer, up to the plan's cap; follows a redirect only while it stays on the service's origin.
/// Never throws for what the service does; every ending is a <see cref="LoadOutcome"/>.
/// </summary>
public sealed class LoadRequestSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly ServiceOrigin _origin;
    private readonly int _maxBodyBytes;
    private readonly int _maxRedirects;

    public LoadRequestSender(ServiceOrigin origin, int connections, TimeSpan connectTimeout, int maxBodyBytes, int maxRedirects)
    {
        _origin = origin ?? throw new ArgumentNullException(nameof(origin));
        _maxBodyBytes = maxBodyBytes;
        _maxRedirects = maxRedirects;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // A proxy would be somewhere other than the service, and would measure itself.
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = connections,
            ConnectTimeout = connectTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(ProbeUserAgent.Load, null));
    }

    /// <summary>Sends one GET; <paramref name="buffer"/> is scratch space for the body, reused by the caller.</summary>
    public async Task<LoadOutcome> SendAsync(Uri url, byte[] buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var target = url;
        int? status = null;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, target);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                var bodyFits = await DrainAsync(response, buffer, cancellationToken).ConfigureAwait(false);
                if (!bodyFits)
                {
                    return new LoadOutcome(status, LoadFailure.BodyTooLarge);
                }

                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(target, location);
                    if (hop >= _maxRedirects || !_origin.Contains(next))
                    {
                        return new LoadOutcome(status, LoadFailure.Redirect);
                    }

                    target = next;
                    continue;
                }

                return new LoadOutcome(status, status is >= 200 and < 300 ? LoadFailure.None : LoadFailure.Status);
            }
        }
        catch (OperationCanceledException)
        {
            return new LoadOutcome(status, LoadFailure.Timeout);
        }
        catch (HttpRequestException e)
        {
            return new LoadOutcome(status, e.HttpRequestError == HttpRequestError.InvalidResponse ? LoadFailure.Protocol : LoadFailure.Connection);
        }
        catch (IOException)
        {
            return new LoadOutcome(status, LoadFailure.Connection);
        }
    }

    public void Dispose() => _client.Dispose();

    // Reads to the last byte (the latency's end point) unless the body passes the cap; true when it fit.
    private async Task<bool> DrainAsync(HttpResponseMessage response, byte[] buffer, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > _maxBodyBytes)
        {
            return false;
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > _maxBodyBytes)
            {
                return false;
            }
        }

        return true;
    }
}
