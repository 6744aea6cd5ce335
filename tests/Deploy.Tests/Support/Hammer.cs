using System.Collections.Concurrent;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// A client hammering a URL with GETs from a few workers until stopped, as users would through a deploy: every
/// request's start, end and status (null for no answer), for the tests' assertions on failed requests.
/// </summary>
public sealed class Hammer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HammerRequest> _requests = new();
    private readonly Task[] _workers;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public Hammer(Uri url, int workers = 4, TimeSpan? pause = null)
    {
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
        _http.Dispose();
    }

    private async Task WorkAsync(Uri url, TimeSpan pause)
    {
        while (!_stop.IsCancellationRequested)
        {
            var start = DateTimeOffset.UtcNow;
            int? status = null;
            try
            {
                using var response = await _http.GetAsync(url, _stop.Token);
                await response.Content.ReadAsByteArrayAsync(_stop.Token);
                status = (int)response.StatusCode;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = null;
            }

            _requests.Enqueue(new HammerRequest(start, DateTimeOffset.UtcNow, status));
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
}

/// <summary>One request of a <see cref="Hammer"/>: when it started and ended, and its status (null: no answer).</summary>
public sealed record HammerRequest(DateTimeOffset Start, DateTimeOffset End, int? Status);
