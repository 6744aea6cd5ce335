using System.Net;
using System.Net.Sockets;
using Tailpaste.Shared.Docker;

namespace Tailpaste.DockerCleanup.Tests.Support;

/// <summary>
/// A unix socket in a temporary folder that relays every connection, byte for byte, to the real engine and
/// counts the connections it accepted: how many connections a client opened, which an HTTP-level proxy cannot see.
/// </summary>
internal sealed class CountingSocketRelay : IAsyncDisposable
{
    private readonly DockerEndpoint _engine;
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly string _folder = Directory.CreateTempSubdirectory("cleanup-relay-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _relays = [];
    private readonly Task _accepting;
    private int _connections;

    public CountingSocketRelay(DockerEndpoint engine)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        var path = Path.Combine(_folder, "docker.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen(64);
        DockerHost = "unix://" + path;
        _accepting = AcceptAsync();
    }

    /// <summary>The DOCKER_HOST of the relay.</summary>
    public string DockerHost { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        Task[] relays;
        lock (_relays)
        {
            relays = [.. _relays];
        }

        await Task.WhenAll(relays).ConfigureAwait(false);
        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            lock (_relays)
            {
                _relays.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var downstream = new NetworkStream(client, ownsSocket: true);
        try
        {
            using var engineSocket = _engine.Transport == DockerTransport.Unix
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            EndPoint target = _engine.Transport == DockerTransport.Unix
                ? new UnixDomainSocketEndPoint(_engine.SocketPath!)
                : new DnsEndPoint(_engine.Host!, _engine.Port);
            await engineSocket.ConnectAsync(target, _stop.Token).ConfigureAwait(false);
            using var upstream = new NetworkStream(engineSocket, ownsSocket: false);
            // Either side closing ends the relay of this connection; the other direction is cut with it.
            await Task.WhenAny(downstream.CopyToAsync(upstream, _stop.Token), upstream.CopyToAsync(downstream, _stop.Token)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client, the engine or the test went away: this connection is over.
        }
    }
}
