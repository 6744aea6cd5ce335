using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests.Support;

/// <summary>A client that keeps posting pastes until stopped, recording every acknowledged id, when it was acknowledged, and how long each request took.</summary>
public sealed class PasteWriter : IAsyncDisposable
{
    private readonly PasteServiceContainer _service;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(string Id, long AckedAt, TimeSpan Took)> _acked = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly Task _loop;

    private PasteWriter(PasteServiceContainer service)
    {
        _service = service;
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyList<string> Errors => _errors.ToList();

    public static PasteWriter Start(PasteServiceContainer service) => new(service);

    /// <summary>Ids acknowledged before <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public IReadOnlyList<string> AckedBefore(long timestamp) => _acked.Where(a => a.AckedAt < timestamp).Select(a => a.Id).ToList();

    /// <summary>Latencies of requests that ended between two timestamps.</summary>
    public IReadOnlyList<TimeSpan> LatenciesBetween(long from, long to) => _acked.Where(a => a.AckedAt >= from && a.AckedAt <= to).Select(a => a.Took).ToList();

    public int Count => _acked.Count;

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var n = 0;
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var id = await _service.PostAsync(string.Create(CultureInfo.InvariantCulture, $"writer paste {n++} {Guid.NewGuid():N}"), _http);
                _acked.Enqueue((id, Stopwatch.GetTimestamp(), Stopwatch.GetElapsedTime(started)));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (!_stop.IsCancellationRequested)
                {
                    _errors.Enqueue(e.Message);
                }
            }
        }
    }
}
