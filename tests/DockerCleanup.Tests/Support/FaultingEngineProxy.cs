using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Docker.DotNet;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests.Support;

/// <summary>
/// A plain-HTTP front for the real engine on 127.0.0.1 that passes every request through, except the
/// DELETE requests whose path ends with one of <see cref="FailDeletesOf"/>: those get a 500 with a
/// Docker-shaped error body. The real engine cannot be made to refuse a removal with anything but
/// "not found" or "in use" on demand, and fail-on-error is about every other refusal.
/// It can also change the engine at a chosen moment (<see cref="BeforeFirstRequestFor"/>): the first time the
/// action asks about one resource, a change runs before the request goes on, which puts the change exactly
/// between the action's listing and whatever it does to that resource next. No timing involved.
/// </summary>
internal sealed class FaultingEngineProxy : IAsyncDisposable
{
    public const string InjectedMessage = "injected by the test: the storage driver refused";

    private readonly HttpListener _listener = new();
    private readonly HttpClient _engine;
    private readonly Task _serving;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _changes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, string Path, string Query)> _requests = new();
    private int _faults;
    private int _changesMade;

    public FaultingEngineProxy(DockerEndpoint engine, params string[] failDeletesOf)
    {
        ArgumentNullException.ThrowIfNull(engine);
        FailDeletesOf = failDeletesOf;
        var handler = new SocketsHttpHandler();
        Uri baseAddress;
        if (engine.Transport == DockerTransport.Unix)
        {
            var socketPath = engine.SocketPath!;
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            };
            baseAddress = new Uri("http://docker.invalid");
        }
        else
        {
            baseAddress = new Uri($"http://{engine.Host}:{engine.Port}");
        }

        _engine = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var port = DockerEngineFixture.FreeLoopbackPort();
        DockerHost = $"tcp://127.0.0.1:{port}";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The DOCKER_HOST of the proxy.</summary>
    public string DockerHost { get; }

    public IReadOnlyList<string> FailDeletesOf { get; }

    /// <summary>How many requests got the injected failure: proves the test went through the fault.</summary>
    public int Faults => Volatile.Read(ref _faults);

    /// <summary>Every request that reached the proxy, in arrival order: method, path and the query, unescaped.</summary>
    public IReadOnlyList<(string Method, string Path, string Query)> Requests => [.. _requests];

    /// <summary>How many of the changes given to <see cref="BeforeFirstRequestFor"/> ran.</summary>
    public int ChangesMade => Volatile.Read(ref _changesMade);

    /// <summary>
    /// Runs <paramref name="change"/> once, before the first request whose path ends with
    /// <c>/<paramref name="pathEnd"/></c> (for example <c>volumes/name</c>) reaches the engine; requests for the
    /// same path wait for it. List requests (<c>/volumes</c>) do not match, so the change comes after the listing.
    /// </summary>
    public void BeforeFirstRequestFor(string pathEnd, Func<Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var added = _changes.TryAdd("/" + pathEnd, new Lazy<Task>(async () =>
        {
            await change().ConfigureAwait(false);
            Interlocked.Increment(ref _changesMade);
        }));
        if (!added)
        {
            throw new InvalidOperationException($"A change for {pathEnd} is already registered.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.ConfigureAwait(false);
        _engine.Dispose();
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url!.AbsolutePath;
            _requests.Enqueue((request.HttpMethod, path, Uri.UnescapeDataString(request.Url.Query)));
            if (request.HttpMethod == "DELETE" && FailDeletesOf.Any(id => path.EndsWith("/" + id, StringComparison.Ordinal)))
            {
                Interlocked.Increment(ref _faults);
                await WriteAsync(response, 500, "application/json", Encoding.UTF8.GetBytes($"{{\"message\":\"{InjectedMessage}\"}}")).ConfigureAwait(false);
                return;
            }

            foreach (var (pathEnd, change) in _changes)
            {
                if (path.EndsWith(pathEnd, StringComparison.Ordinal))
                {
                    await change.Value.ConfigureAwait(false);
                }
            }

            using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), request.RawUrl);
            if (request.HasEntityBody)
            {
                using var body = new MemoryStream();
                await request.InputStream.CopyToAsync(body).ConfigureAwait(false);
                forward.Content = new ByteArrayContent(body.ToArray());
                if (request.ContentType is { } contentType)
                {
                    forward.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            using var answer = await _engine.SendAsync(forward).ConfigureAwait(false);
            var bytes = await answer.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            await WriteAsync(response, (int)answer.StatusCode, answer.Content.Headers.ContentType?.ToString(), bytes).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or HttpListenerException or ObjectDisposedException or DockerApiException)
        {
            // The client went away, the engine did, or a change failed (ChangesMade says so); the test sees a failed request.
            response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string? contentType, byte[] body)
    {
        response.StatusCode = status;
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }
}
