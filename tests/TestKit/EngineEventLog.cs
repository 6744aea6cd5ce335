using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.TestKit;

/// <summary>
/// The engine's own events from the moment a test starts watching, for asserting what happened in which order
/// without timing anything. The events are streamed as they happen: the engine keeps only its last 256 events
/// for later readers, and test projects running in parallel on one engine push a test's own events out of that
/// history within seconds. The stream asks for a closed window (until the patience runs out), so the engine ends
/// it even if cancellation were not honoured.
/// </summary>
public sealed class EngineEventLog : IAsyncDisposable
{
    private static readonly TimeSpan _patience = TimeSpan.FromMinutes(2);

    private readonly List<Message> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private EngineEventLog(DockerClient client, Dictionary<string, IDictionary<string, bool>> filters)
    {
        // A second early: the engine's timestamps are whole seconds.
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var parameters = new ContainerEventsParameters
        {
            Filters = filters,
            Since = (now - 1).ToString(CultureInfo.InvariantCulture),
            Until = (now + (long)_patience.TotalSeconds + 30).ToString(CultureInfo.InvariantCulture),
        };
        _reading = Task.Run(() => client.System.MonitorEventsAsync(parameters, new SynchronousProgress<Message>(Add), _stop.Token));
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

    /// <summary>Waits until the events seen satisfy the condition (within two minutes) and returns them in the engine's order.</summary>
    public async Task<IReadOnlyList<Message>> WaitUntilAsync(Func<IReadOnlyList<Message>, bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + _patience;
        while (true)
        {
            var events = Snapshot();
            if (condition(events))
            {
                return events;
            }

            if (_reading.IsFaulted || DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The engine's events did not show what the test waited for within {_patience.TotalMinutes} minutes"
                    + (_reading.Exception is { } failure ? $" (the event stream failed: {failure.GetBaseException().Message})" : string.Empty)
                    + "; seen: " + string.Join(", ", events.Select(e => $"{e.Type} {e.Action} {e.Actor?.ID}")));
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // The stream was cut on purpose.
        }

        _stop.Dispose();
    }

    private void Add(Message message)
    {
        lock (_events)
        {
            _events.Add(message);
        }
    }

    private List<Message> Snapshot()
    {
        lock (_events)
        {
            return _events.OrderBy(e => e.TimeNano).ToList();
        }
    }
}
