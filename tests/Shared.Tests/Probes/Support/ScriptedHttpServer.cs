using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Probes.Support;

/// <summary>One request as the scripted server read it.</summary>
public sealed record ScriptedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, int HeaderBytes, int BodyBytes);

/// <summary>What the scripted server answers.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 for the probe tests, whose answers a test scripts: keep-alive, one
/// request at a time per connection, Content-Length bodies. It records every connection and request, and the
/// raw bytes each connection sent, so a test can check what a probe sent and where.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 256 * 1024;
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly Func<ScriptedRequest, ScriptedResponse> _respond;
    private readonly ConcurrentQueue<ScriptedRequest> _requests = new();
    private readonly ConcurrentQueue<long> _connectionBytes = new();
    private readonly LoopbackListener _listener;

    public ScriptedHttpServer(Func<ScriptedRequest, ScriptedResponse> respond)
    {
        _respond = respond;
        _listener = new LoopbackListener(ServeAsync);
    }

    public int Port => _listener.Port;

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public IReadOnlyList<ScriptedRequest> Requests => [.. _requests];

    public int ConnectionCount => _listener.ConnectionCount;

    /// <summary>Bytes each closed connection sent, headers and bodies together.</summary>
    public IReadOnlyList<long> ConnectionBytes => [.. _connectionBytes];

    public static ScriptedHttpServer Ok(string body = "ok\n") => new(_ => new ScriptedResponse(200, body));

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        long received = 0;
        try
        {
            var stream = client.GetStream();
            var pending = new List<byte>();
            var buffer = new byte[64 * 1024];
            while (!stop.IsCancellationRequested)
            {
                var headerEnd = IndexOfHeaderEnd(pending);
                while (headerEnd < 0)
                {
                    var read = await stream.ReadAsync(buffer, stop);
                    if (read == 0 || pending.Count > MaxHeaderBytes)
                    {
                        return;
                    }

                    received += read;
                    pending.AddRange(buffer.AsSpan(0, read));
                    headerEnd = IndexOfHeaderEnd(pending);
                }

                var head = Encoding.Latin1.GetString([.. pending.GetRange(0, headerEnd)]);
                pending.RemoveRange(0, headerEnd + 4);
                var lines = head.Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in lines.Skip(1))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                    }
                }

                var length = headers.TryGetValue("Content-Length", out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0;
                if (length > MaxBodyBytes)
                {
                    // Like any sane server: refuse a declared body over the limit without waiting for it.
                    await stream.WriteAsync(Render(new ScriptedResponse(413, "too large")), stop);
                    return;
                }

                while (pending.Count < length)
                {
                    var read = await stream.ReadAsync(buffer, stop);
                    if (read == 0)
                    {
                        return;
                    }

                    received += read;
                    pending.AddRange(buffer.AsSpan(0, read));
                }

                pending.RemoveRange(0, (int)length);
                var request = new ScriptedRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : string.Empty, headers, headerEnd + 4, (int)length);
                _requests.Enqueue(request);
                var response = _respond(request);
                if (response.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(response.Delay, stop);
                }

                await stream.WriteAsync(Render(response), stop);
                if (headers.TryGetValue("Connection", out var connection) && connection.Equals("close", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            _connectionBytes.Enqueue(received);
        }
    }

    private static byte[] Render(ScriptedResponse response)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} Scripted\r\nContent-Length: {body.Length}\r\n");
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }

    private static int IndexOfHeaderEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
