using System.Collections.Concurrent;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.DockerCleanup.Tests.Support;

/// <summary>
/// The engine's own event stream while a test runs, for asserting what happened in which order without
/// timing anything. Watches from one second before it starts, so nothing is lost while it connects.
/// </summary>
internal sealed class EngineEventLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<Message> _events = new();
    private readonly CancellationTokenSource _watching = new(TimeSpan.FromMinutes(2));
    private readonly Task _monitor;

    private EngineEventLog(DockerClient client, IDictionary<string, IDictionary<string, bool>> filters)
    {
        // Since: the engine replays what happened from then on.
        var since = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1).ToString(CultureInfo.InvariantCulture);
        _monitor = client.System.MonitorEventsAsync(new ContainerEventsParameters { Filters = filters, Since = since }, new Progress<Message>(_events.Enqueue), _watching.Token);
    }

    /// <summary>Starts watching events of the given types (container, image, volume, network), optionally only those carrying a label.</summary>
    public static EngineEventLog Start(DockerClient client, IEnumerable<string> types, string? label = null)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["type"] = types.ToDictionary(type => type, _ => true),
        };
        if (label is not null)
        {
            filters["label"] = new Dictionary<string, bool> { [label] = true };
        }

        return new EngineEventLog(client, filters);
    }

    /// <summary>Waits (within the log's two minutes) until the events seen so far satisfy the condition.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyCollection<Message>, bool> condition)
    {
        while (!condition(_events.ToArray()))
        {
            await Task.Delay(50, _watching.Token);
        }
    }

    /// <summary>Stops watching and returns every event seen, in the engine's order.</summary>
    public async Task<IReadOnlyList<Message>> StopAsync()
    {
        await _watching.CancelAsync();
        try
        {
            await _monitor;
        }
        catch (OperationCanceledException)
        {
            // The monitor ends by cancellation.
        }

        return _events.OrderBy(e => e.TimeNano).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _watching.Dispose();
    }
}
