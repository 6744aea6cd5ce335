using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Tailpaste.Shared.Http;

/// <summary>
/// Sends one request and measures it, never throwing for what a remote service can do wrong: a refused
/// connection, an unknown host, a bad certificate, a slow or endless answer all become an
/// <see cref="HttpProbeResult"/> with a <see cref="HttpProbeFailure"/>. The whole exchange, body included,
/// is bounded by the request's timeout, and the body is read only up to its cap.
/// </summary>
public sealed class HttpProbe : IDisposable
{
    private readonly HttpClient _client;
    private readonly bool _ownsClient;

    /// <summary>A probe with its own client: no cookies, no redirects followed, no client-side timeout of its own.</summary>
    public HttpProbe()
        : this(CreateClient(), ownsClient: true)
    {
    }

    /// <summary>A probe over a caller's client (tests, custom certificates); the caller keeps ownership.</summary>
    public HttpProbe(HttpClient client)
        : this(client, ownsClient: false)
    {
    }

    private HttpProbe(HttpClient client, bool ownsClient)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _ownsClient = ownsClient;
    }

    public static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };

        // Timeouts are per request (linked cancellation), so the client's own limit is switched off.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<HttpProbeResult> SendAsync(HttpProbeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(request.Method, request.Url);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        if (request.BearerToken is { Length: > 0 } token)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(request.Timeout);
        var clock = Stopwatch.StartNew();
        int? status = null;
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, bounded.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            await using var stream = await response.Content.ReadAsStreamAsync(bounded.Token).ConfigureAwait(false);
            var (bytes, truncated) = await BoundedBodyReader.ReadAsync(stream, request.MaxBodyBytes, bounded.Token).ConfigureAwait(false);
            return new HttpProbeResult(status, clock.Elapsed, bytes, truncated, HttpProbeFailure.None, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var stage = status is null ? "no response" : $"status {status} but the body did not end";
            return Failed(status, clock, HttpProbeFailure.Timeout, $"{stage} within {request.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return Failed(status, clock, Classify(e), Describe(e));
        }
        catch (IOException e)
        {
            return Failed(status, clock, HttpProbeFailure.ConnectionFailure, e.Message);
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private static HttpProbeResult Failed(int? status, Stopwatch clock, HttpProbeFailure failure, string error) =>
        new(status, clock.Elapsed, [], false, failure, error);

    private static HttpProbeFailure Classify(HttpRequestException e)
    {
        if (e.HttpRequestError == HttpRequestError.NameResolutionError || e.InnerException is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData })
        {
            return HttpProbeFailure.DnsFailure;
        }

        if (e.HttpRequestError == HttpRequestError.SecureConnectionError || e.InnerException is AuthenticationException)
        {
            return HttpProbeFailure.TlsFailure;
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => HttpProbeFailure.ConnectionFailure,
            _ when e.InnerException is SocketException or IOException => HttpProbeFailure.ConnectionFailure,
            _ => HttpProbeFailure.ProtocolFailure,
        };
    }

    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(" — ", messages).ReplaceLineEndings(" ");
    }
}
