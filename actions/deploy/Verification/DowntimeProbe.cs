using System.Diagnostics;
using Tailpaste.Shared.Http;

namespace Tailpaste.Deploy.Verification;

/// <summary>
/// Asks the service's health URL every 100 ms for the whole deploy, one request at a time, and adds up how long it
/// got no 2xx answer: from the first failed request after a success to the next success (or the end). Failures
/// before the first success do not count — a first deploy has nothing to be down from.
/// </summary>
public sealed class DowntimeProbe : IAsyncDisposable
{
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private bool _seenUp;
    private long? _downSince;
    private long _downTicks;

    private DowntimeProbe(HttpProbe http, Uri url)
    {
        _loop = Task.Run(() => LoopAsync(http, url));
    }

    public long Requests { get; private set; }

    public long Failures { get; private set; }

    public static DowntimeProbe Start(HttpProbe http, Uri url) => new(http, url);

    /// <summary>Stops the probe; the downtime it saw, in milliseconds.</summary>
    public async Task<double> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        lock (_gate)
        {
            var open = _downSince is { } since ? Stopwatch.GetTimestamp() - since : 0;
            return Math.Round(Stopwatch.GetElapsedTime(0, _downTicks + open).TotalMilliseconds, 1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(HttpProbe http, Uri url)
    {
        while (!_stop.IsCancellationRequested)
        {
            var sent = Stopwatch.GetTimestamp();
            HttpProbeResult answer;
            try
            {
                answer = await http.SendAsync(HttpProbeRequest.Get(url, _timeout), _stop.Token).ConfigureAwait(false);
                if (answer.StatusCode is null && !_stop.IsCancellationRequested)
                {
                    // No answer at all: the proxy's reload closes idle kept-alive connections, and a GET sent on one
                    // just then is lost in flight. Clients resend such a GET at once (browsers, .NET, curl); so do we,
                    // and count downtime only when the service does not answer the resent request either.
                    answer = await http.SendAsync(HttpProbeRequest.Get(url, _timeout), _stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // A request cut short by the stop is no answer from the service.
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            Observe(sent, answer.IsSuccess);
            var wait = _interval - Stopwatch.GetElapsedTime(sent);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Observe(long sent, bool up)
    {
        lock (_gate)
        {
            Requests++;
            if (up)
            {
                if (_downSince is { } since)
                {
                    _downTicks += sent - since;
                    _downSince = null;
                }

                _seenUp = true;
                return;
            }

            Failures++;
            if (_seenUp && _downSince is null)
            {
                _downSince = sent;
            }
        }
    }
}
