using System.Collections.Concurrent;
using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// A selected running container gets SIGTERM and stop-timeout to stop cleanly before it is killed (the
/// seed's `docker rm -f` kills at once), and the stops of many containers overlap instead of queueing
/// behind the removal bound. Seen through the engine's own events, not through timing.
/// </summary>
public sealed class CleanStopTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    // More than CleanupRunner.MaxParallelRemovals, so queued stops would show.
    private const int Stubborn = CleanupRunner.MaxParallelRemovals + 2;

    [Fact]
    public async Task Running_containers_get_SIGTERM_and_stop_timeout_and_their_stops_overlap()
    {
        await using var population = new Population(engine.Client);
        var labels = population.Labels("environment=testing", "managed-by=ci");
        var image = Population.RuntimeDepsImage;
        var graceful = await population.RunContainerAsync("container-graceful", image, labels, ["/bin/sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.1; done"]);
        var stubborn = await Task.WhenAll(Enumerable.Range(0, Stubborn).Select(_ => population.RunContainerAsync("container-ignores-term", image, labels)));

        var events = new ConcurrentQueue<Message>();
        using var watching = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var filter = new Dictionary<string, IDictionary<string, bool>>
        {
            ["type"] = new Dictionary<string, bool> { ["container"] = true },
            ["label"] = new Dictionary<string, bool> { [population.RunLabel] = true },
        };
        // Since: the engine replays what happened from then on, so no event is lost while the watch connects.
        var since = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var monitor = engine.Client.System.MonitorEventsAsync(new ContainerEventsParameters { Filters = filter, Since = since }, new Progress<Message>(events.Enqueue), watching.Token);

        var run = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
            ["resources"] = "containers",
            // Long enough that a busy engine sends every SIGTERM before the first stop-timeout runs out.
            ["stop-timeout"] = "5",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((Stubborn + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), run.Outputs["removed-containers"]);
        await WaitForAsync(() => events.Count(e => e.Action == "destroy") == Stubborn + 1, watching.Token);
        await watching.CancelAsync();
        await IgnoreCancellationAsync(monitor);
        var log = events.OrderBy(e => e.TimeNano).ToList();

        // The graceful one left on SIGTERM with its own exit code 0; it was never killed.
        Assert.Contains(log, e => e.Actor.ID == graceful && e.Action == "kill" && Signal(e) == "15");
        Assert.DoesNotContain(log, e => e.Actor.ID == graceful && e.Action == "kill" && Signal(e) == "9");
        Assert.Equal("0", log.First(e => e.Actor.ID == graceful && e.Action == "die").Actor.Attributes["exitCode"]);

        // Every stubborn one got SIGTERM first and SIGKILL only after; and every SIGTERM went out before the
        // first SIGKILL, so no stop waited for another one's stop-timeout.
        var firstKill = log.First(e => e.Action == "kill" && Signal(e) == "9").TimeNano;
        foreach (var id in stubborn)
        {
            var term = log.FirstOrDefault(e => e.Actor.ID == id && e.Action == "kill" && Signal(e) == "15");
            Assert.True(term is not null, $"container {id[..12]} got no SIGTERM");
            Assert.True(term.TimeNano < firstKill, $"container {id[..12]} got SIGTERM only after a SIGKILL: its stop waited in a queue");
            Assert.Contains(log, e => e.Actor.ID == id && e.Action == "kill" && Signal(e) == "9" && e.TimeNano > term.TimeNano);
        }

        foreach (var id in stubborn.Append(graceful))
        {
            Assert.False(await population.ExistsAsync(ResourceKind.Containers, id), $"container {id[..12]} is still there");
        }
    }

    private static string? Signal(Message e) => e.Actor.Attributes.TryGetValue("signal", out var signal) ? signal : null;

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // The monitor ends by cancellation.
        }
    }
}
