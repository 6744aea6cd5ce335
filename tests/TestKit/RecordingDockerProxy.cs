using System.Collections.Concurrent;
using System.Net;
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
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _socketPath;
    private readonly Task _loop;
    private long _bytesFromEngine;

    public RecordingDockerProxy(string unixDockerHost)
    {
        ArgumentNullException.ThrowIfNull(unixDockerHost);
        _socketPath = unixDockerHost.StartsWith("unix://", StringComparison.Ordinal)
            ? unixDockerHost["unix://".Length..]
            : throw new ArgumentException($"a unix:// engine address, not {unixDockerHost}", nameof(unixDockerHost));
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string DockerHost => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>"METHOD /path?query" of every request, in the order they were sent.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public long BytesFromEngine => Interlocked.Read(ref _bytesFromEngine);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    [GeneratedRegex(@"(GET|HEAD|POST|PUT|DELETE) (\S+) HTTP/1\.[01]\r\n")]
    private static partial Regex RequestLine();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), _stop.Token);
                await using var engineStream = new NetworkStream(engine, ownsSocket: false);
                var clientStream = client.GetStream();
                var up = PumpAsync(clientStream, engineStream, record: true);
                var down = PumpAsync(engineStream, clientStream, record: false);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // One side hung up.
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool record)
    {
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
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

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }
}
