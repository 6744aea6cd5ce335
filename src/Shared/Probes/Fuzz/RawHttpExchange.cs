using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>
/// Sends exact request bytes on a fresh connection to the service's host and port (TLS for https, with the
/// usual certificate checks) and reads what comes back: at most <c>maxResponseBytes</c>, within one timeout for
/// connect, send and answer together. Used for the requests an HTTP client would refuse to send (bare CR,
/// invalid UTF-8, a lying Content-Length). Never throws for what the server does.
/// </summary>
public static class RawHttpExchange
{
    private const int MaxHeaderBytes = 64 * 1024;

    public static async Task<RawHttpResponse> SendAsync(ServiceOrigin origin, FuzzCase request, TimeSpan timeout, int maxResponseBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(request);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        var received = new MemoryStream();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(origin.Host, origin.Port, bounded.Token).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return Ended(RawExchangeOutcome.ConnectFailed, received, started, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Ended(RawExchangeOutcome.Timeout, received, started, "no connection within the timeout");
        }

        await using var network = new NetworkStream(socket, ownsSocket: false);
        Stream stream = network;
        SslStream? tls = null;
        try
        {
            if (origin.IsHttps)
            {
                tls = new SslStream(network, leaveInnerStreamOpen: true);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = origin.Host }, bounded.Token).ConfigureAwait(false);
                stream = tls;
            }

            await SendRequestAsync(stream, socket, tls, request, bounded.Token).ConfigureAwait(false);
            return await ReadAnswerAsync(stream, received, maxResponseBytes, started, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Ended(RawExchangeOutcome.Timeout, received, started, $"no complete answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is IOException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            // A reset after a complete status line and headers still counts as an answer (e.g. 413 then close).
            var partial = Parse(received.ToArray());
            return partial is { } answer
                ? answer with { ElapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds }
                : Ended(RawExchangeOutcome.Reset, received, started, e.Message);
        }
        finally
        {
            if (tls is not null)
            {
                await tls.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task SendRequestAsync(Stream stream, Socket socket, SslStream? tls, FuzzCase request, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(request.Request, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (request.HalfClose)
            {
                if (tls is not null)
                {
                    await tls.ShutdownAsync().ConfigureAwait(false);
                }

                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            // A server may answer and close before it has read everything (413 for a declared gigabyte):
            // what it answered is read next; a failed write is not a failure by itself.
        }
    }

    private static async Task<RawHttpResponse> ReadAnswerAsync(Stream stream, MemoryStream received, int maxResponseBytes, long started, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var limit = MaxHeaderBytes + maxResponseBytes;
        while (received.Length < limit)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - received.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
            if (Parse(received.ToArray(), requireComplete: true) is { } complete)
            {
                return complete with { ElapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
            }
        }

        // End of stream or the cap: whatever arrived is the answer, if it has a status line and headers.
        return Parse(received.ToArray()) is { } answer
            ? answer with { ElapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds }
            : Ended(RawExchangeOutcome.Closed, received, started, received.Length == 0 ? "closed without a byte of answer" : "closed before a complete status line and headers");
    }

    /// <summary>The answer in <paramref name="bytes"/>, or null without a full head (or, when asked, without the whole body).</summary>
    internal static RawHttpResponse? Parse(byte[] bytes, bool requireComplete = false)
    {
        var headEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, headEnd).Split("\r\n");
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        var raw = bytes.AsSpan(headEnd + 4);
        var length = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        var chunked = headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        byte[] body;
        if (chunked)
        {
            var (decoded, complete) = DecodeChunked(raw);
            if (requireComplete && !complete)
            {
                return null;
            }

            body = decoded;
        }
        else if (long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
        {
            if (requireComplete && raw.Length < declared)
            {
                return null;
            }

            body = raw[..(int)Math.Min(raw.Length, declared)].ToArray();
        }
        else
        {
            // Neither: the body runs to the end of the connection (or there is none, for 1xx/204/304).
            if (requireComplete && status is not (204 or 304) && status >= 200)
            {
                return null;
            }

            body = raw.ToArray();
        }

        return new RawHttpResponse(RawExchangeOutcome.Answered, status, headers, body, 0, null);
    }

    private static (byte[] Body, bool Complete) DecodeChunked(ReadOnlySpan<byte> raw)
    {
        var body = new List<byte>();
        while (true)
        {
            var lineEnd = raw.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return ([.. body], false);
            }

            var sizeText = Encoding.ASCII.GetString(raw[..lineEnd]).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return ([.. body], false);
            }

            raw = raw[(lineEnd + 2)..];
            if (size == 0)
            {
                return ([.. body], true);
            }

            if (raw.Length < size + 2)
            {
                body.AddRange(raw[..Math.Min(raw.Length, size)]);
                return ([.. body], false);
            }

            body.AddRange(raw[..size]);
            raw = raw[(size + 2)..];
        }
    }

    private static RawHttpResponse Ended(RawExchangeOutcome outcome, MemoryStream received, long started, string error) =>
        new(outcome, null, [], received.ToArray(), Stopwatch.GetElapsedTime(started).TotalMilliseconds, ProbeText.Excerpt(error));
}
