using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// A client hammering a URL with GETs from a few workers until stopped, as users would through a deploy: every
/// request's start, end, status and, when it got no answer, what the client saw (reset, end of stream, timeout,
/// refused), on which kind of connection, and how many bytes of an answer came first.
/// </summary>
/// <remarks>
/// Each worker keeps one kept-alive connection, as a browser tab does. With <c>resend</c> it behaves like browsers,
/// curl and Go's client: a GET lost on a kept-alive connection before any byte of an answer (the server closed the
/// connection as the request arrived) is sent once more on a new connection (RFC 9112, section 9.3.1). .NET's own
/// handler does that only when the connection ended cleanly, not when it was reset, so the hammer does it itself.
/// </remarks>
public sealed class Hammer : IAsyncDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HammerRequest> _requests = new();
    private readonly Task[] _workers;
    private readonly bool _resend;

    public Hammer(Uri url, int workers = 4, TimeSpan? pause = null, bool resend = true)
    {
        _resend = resend;
        _workers = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(url, pause ?? TimeSpan.FromMilliseconds(20))))];
    }

    public IReadOnlyList<HammerRequest> Requests => [.. _requests.OrderBy(r => r.Start)];

    public IReadOnlyList<HammerRequest> Failed => [.. Requests.Where(r => r.Status is not (>= 200 and < 300))];

    public async Task<IReadOnlyList<HammerRequest>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task WorkAsync(Uri url, TimeSpan pause)
    {
        var connections = new TrackedConnections();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, ConnectCallback = connections.ConnectAsync, UseCookies = false };
        using var http = new HttpClient(handler) { Timeout = _timeout };
        while (!_stop.IsCancellationRequested)
        {
            var start = DateTimeOffset.UtcNow;
            HammerAttempt first;
            HammerAttempt? again = null;
            try
            {
                first = await SendAsync(http, connections, url);
                if (_resend && first.LostOnKeptAliveConnection)
                {
                    again = await SendAsync(http, connections, url);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _requests.Enqueue(new HammerRequest(start, DateTimeOffset.UtcNow, (again ?? first).Status, first, again));
            try
            {
                await Task.Delay(pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<HammerAttempt> SendAsync(HttpClient http, TrackedConnections connections, Uri url)
    {
        var before = connections.Snapshot();
        int? status = null;
        HammerLoss? loss = null;
        string? error = null;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            status = (int)response.StatusCode;
            await response.Content.ReadAsByteArrayAsync(_stop.Token);
        }
        catch (Exception e) when (!_stop.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or IOException)
        {
            (loss, error) = Classify(e);
            status = null;
        }

        // The connections this request wrote on: the kept-alive one, a new one, or both when the handler sent it again.
        var after = connections.Snapshot();
        var written = Enumerable.Range(0, after.Count).Where(i => after[i].Written > (i < before.Count ? before[i].Written : 0)).ToList();
        if (written.Count == 0)
        {
            return new HammerAttempt(status, loss, error, OnKeptAliveConnection: false, AnswerBytes: 0, ResentByHandler: false);
        }

        var first = written[0];
        var last = written[^1];
        var answerBytes = after[last].Read - (last < before.Count ? before[last].Read : 0);
        return new HammerAttempt(status, loss, error, OnKeptAliveConnection: first < before.Count, answerBytes, ResentByHandler: written.Count > 1);
    }

    private static (HammerLoss Loss, string Error) Classify(Exception error)
    {
        if (error is TaskCanceledException)
        {
            return (HammerLoss.Timeout, $"no answer within {_timeout.TotalSeconds:0} s");
        }

        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionReset } socket:
                    return (HammerLoss.Reset, socket.Message);
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused } socket:
                    return (HammerLoss.Refused, socket.Message);
                case HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } ended:
                    return (HammerLoss.EndOfStream, ended.Message);
            }
        }

        return (HammerLoss.Other, string.Join(" / ", Chain(error)));
    }

    private static IEnumerable<string> Chain(Exception error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            yield return $"{inner.GetType().Name}: {inner.Message}";
        }
    }
}
