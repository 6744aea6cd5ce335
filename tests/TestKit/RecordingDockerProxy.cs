using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Tailpaste.TestKit;

/// <summary>
/// A TCP front for the private engine's unix socket (<c>docker-host: tcp://127.0.0.1:port</c>) that passes every
/// byte through unchanged and records what went by: the request lines the action sent and how many bytes the
/// engine answered. It shows which Docker API calls a run made, and that a body was never read.
/// </summary>
public sealed partial class RecordingDockerProxy : IAsyncDisposable
{
    private readonly string _socketPath;
    private readonly LoopbackListener _listener;
    private long _bytesFromEngine;

    public RecordingDockerProxy(string unixDockerHost)
    {
        ArgumentNullException.ThrowIfNull(unixDockerHost);
        _socketPath = unixDockerHost.StartsWith("unix://", StringComparison.Ordinal)
            ? unixDockerHost["unix://".Length..]
            : throw new ArgumentException($"a unix:// engine address, not {unixDockerHost}", nameof(unixDockerHost));
        _listener = new LoopbackListener(ServeAsync);
    }

    public string DockerHost => $"tcp://127.0.0.1:{_listener.Port}";

    /// <summary>"METHOD /path?query" of every request, in the order they were sent.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public long BytesFromEngine => Interlocked.Read(ref _bytesFromEngine);

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    [GeneratedRegex(@"(GET|HEAD|POST|PUT|DELETE) (\S+) HTTP/1\.[01]\r\n")]
    private static partial Regex RequestLine();

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await engine.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), stop);
        await using var engineStream = new NetworkStream(engine, ownsSocket: false);
        var clientStream = client.GetStream();
        var up = PumpAsync(clientStream, engineStream, record: true, stop);
        var down = PumpAsync(engineStream, clientStream, record: false, stop);
        await Task.WhenAny(up, down);
    }

    private async Task PumpAsync(Stream from, Stream to, bool record, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        int read;
        while ((read = await from.ReadAsync(buffer, stop)) > 0)
        {
            if (record)
            {
                // Request lines may arrive split across reads; keep the unmatched tail.
                pending.Append(Encoding.Latin1.GetString(buffer, 0, read));
                var text = pending.ToString();
                var end = 0;
                foreach (Match match in RequestLine().Matches(text))
                {
                    Requests.Enqueue($"{match.Groups[1].Value} {Uri.UnescapeDataString(match.Groups[2].Value)}");
                    end = match.Index + match.Length;
                }

                pending.Clear().Append(text.AsSpan(Math.Max(end, text.Length - 4096)));
            }
            else
            {
                Interlocked.Add(ref _bytesFromEngine, read);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), stop);
        }
    }
}
