using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Http;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 for the shared HTTP code: it records every request (method, path,
/// headers, body) and answers each with what the test's function returns, one request per connection.
/// </summary>
public sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly Func<RecordedRequest, string> _answer;
    private readonly LoopbackListener _listener;

    public RecordingHttpServer(Func<RecordedRequest, string> answer)
    {
        _answer = answer;
        _listener = new LoopbackListener(ServeAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{_listener.Port}");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>An HTTP response with the status and headers given and an empty body.</summary>
    public static string Response(int status, params string[] headers) =>
        $"HTTP/1.1 {status} Status\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Content-Length: 0\r\nConnection: close\r\n\r\n";

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        var stream = client.GetStream();
        var request = await ReadAsync(stream, stop);
        Requests.Enqueue(request);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(_answer(request)), stop);
    }

    private static async Task<RecordedRequest> ReadAsync(NetworkStream stream, CancellationToken stop)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, stop) == 1)
        {
            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = Array.Empty<byte>();
        if (headers.TryGetValue("Content-Length", out var length) && int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var count)
        {
            body = new byte[count];
            await stream.ReadExactlyAsync(body, stop);
        }

        return new RecordedRequest(start[0], start[1], headers, Encoding.UTF8.GetString(body));
    }
}

/// <summary>One request the server received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
