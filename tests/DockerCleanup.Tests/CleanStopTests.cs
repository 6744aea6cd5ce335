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

        await using var events = EngineEventLog.Start(engine.Client, ["container"], population.RunLabel);

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
        var log = await events.WaitUntilAsync(seen => seen.Count(e => e.Action == "destroy") == Stubborn + 1);

        // The graceful one left on SIGTERM with its own exit code 0; it was never killed.
        Assert.Contains(log, e => e.Actor.ID == graceful && e.Action == "kill" && Signal(e) == "15");
        Assert.DoesNotContain(log, e => e.Actor.ID == graceful && e.Action == "kill" && Signal(e) == "9");
        Assert.Equal("0", log.First(e => e.Actor.ID == graceful && e.Action == "die").Actor.Attributes!["exitCode"]);

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

    private static string? Signal(Message e) => e.Actor.Attributes?.TryGetValue("signal", out var signal) == true ? signal : null;
}
