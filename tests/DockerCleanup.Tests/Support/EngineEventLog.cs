using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.DockerCleanup.Tests.Support;

/// <summary>
/// The engine's own events since a test began, for asserting what happened in which order without timing
/// anything. Each read asks for a closed window (since the start, until just after now), so the engine ends
/// the stream itself: a stream left open is only stopped by cancellation, which Docker.DotNet does not
/// honour while it waits inside a message, and a test waiting for it can hang.
/// </summary>
internal sealed class EngineEventLog
{
    private static readonly TimeSpan _patience = TimeSpan.FromMinutes(2);

    private readonly DockerClient _client;
    private readonly Dictionary<string, IDictionary<string, bool>> _filters;
    private readonly long _since;

    private EngineEventLog(DockerClient client, Dictionary<string, IDictionary<string, bool>> filters)
    {
        _client = client;
        _filters = filters;
        // A second early: the engine's timestamps are whole seconds.
        _since = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
    }

    /// <summary>Starts the log for events of the given types (container, image, volume, network), optionally only those carrying a label.</summary>
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

    /// <summary>Reads the log until the events satisfy the condition (within two minutes) and returns them in the engine's order.</summary>
    public async Task<IReadOnlyList<Message>> WaitUntilAsync(Func<IReadOnlyList<Message>, bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + _patience;
        while (true)
        {
            var events = await ReadAsync();
            if (condition(events))
            {
                return events;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The engine's events did not show what the test waited for within {_patience.TotalMinutes} minutes; seen: "
                    + string.Join(", ", events.Select(e => $"{e.Type} {e.Action} {e.Actor.ID}")));
            }

            await Task.Delay(200);
        }
    }

    // Every event from the start until a second from now; the engine closes the stream at `until`.
    private async Task<IReadOnlyList<Message>> ReadAsync()
    {
        var events = new List<Message>();
        var parameters = new ContainerEventsParameters
        {
            Filters = _filters,
            Since = _since.ToString(CultureInfo.InvariantCulture),
            Until = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture),
        };
        await _client.System.MonitorEventsAsync(parameters, new SynchronousProgress<Message>(events.Add));
        return events.OrderBy(e => e.TimeNano).ToList();
    }
}
