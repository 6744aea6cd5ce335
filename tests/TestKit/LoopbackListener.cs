using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Tailpaste.TestKit;

/// <summary>
/// A TCP listener on 127.0.0.1, on a port the kernel picks, that hands every connection to a function on a task of
/// its own until disposed: the one accept loop under the tests' small servers and proxies. Disposing stops
/// accepting, cancels the token every connection was given and waits for the connections to end, so what a server
/// recorded is complete once it is disposed.
/// </summary>
public sealed class LoopbackListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Func<TcpClient, CancellationToken, Task> _serve;
    private readonly Task _accepting;
    private int _connectionCount;

    /// <param name="serve">Serves one connection; the client is disposed when it returns. A client that goes away (or refuses a certificate) ends it quietly.</param>
    public LoopbackListener(Func<TcpClient, CancellationToken, Task> serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        _serve = serve;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        // A connection its function could not serve is the client's problem, never the test's.
        await Task.WhenAll(_connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _connectionCount);
            _connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await _serve(client, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException or AuthenticationException)
            {
                // The client went away, or the listener is stopping.
            }
        }
    }
}
