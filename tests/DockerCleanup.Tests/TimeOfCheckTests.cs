using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// Time of check to time of use: a resource that changes between the listing and its removal is judged as it
/// is when it would be removed. The change is made by a proxy in front of the real engine at the first request
/// the action makes about that resource after the listing, so the window is hit every time, without sleeps.
/// </summary>
public sealed class TimeOfCheckTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Theory]
    [InlineData("environment=production", "changed since it was listed: carries the protected label environment=production")]
    [InlineData("Environment= Production", "changed since it was listed: carries the protected label Environment= Production")]
    [InlineData("managed-by=human", "changed since it was listed: no longer selected")]
    public async Task A_volume_recreated_under_the_same_name_after_the_listing_is_judged_as_it_is_now(string newLabel, string reason)
    {
        await using var population = new Population(engine.Client);
        var recreated = await population.CreateVolumeAsync("volume-recreated", population.Labels("managed-by=ci"));
        var untouched = await population.CreateVolumeAsync("volume-untouched", population.Labels("managed-by=ci"));
        await using var proxy = new FaultingEngineProxy(engine.Endpoint);
        proxy.BeforeFirstRequestFor("volumes/" + recreated, async () =>
        {
            await engine.Client.Volumes.RemoveAsync(recreated, force: true);
            // Same run label; managed-by=human replaces managed-by=ci, the others come in addition.
            await engine.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = recreated, Labels = population.Labels("managed-by=ci", newLabel) });
        });

        var run = await ActionRun.StartAsync(proxy.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, proxy.ChangesMade);
        var now = await engine.Client.Volumes.InspectAsync(recreated);
        Assert.Contains(newLabel.Split('=')[0], now.Labels!.Keys);
        Assert.False(await population.ExistsAsync(ResourceKind.Volumes, untouched), "the unchanged volume went");
        var row = Assert.Single(run.Rows(ResourceKind.Volumes), r => r.Id == recreated);
        Assert.Equal(("skipped", reason), (row.Outcome, row.Reason));
        Assert.Equal("1", run.Outputs["removed-volumes"]);
        Assert.Contains(run.Summary.Split('\n'), line => line.Contains(recreated, StringComparison.Ordinal) && line.Contains("skipped: " + reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stopped_container_started_after_the_listing_is_stopped_cleanly_not_killed()
    {
        await using var population = new Population(engine.Client);
        var labels = population.Labels("environment=testing", "managed-by=ci");
        var started = await population.CreateStartableContainerAsync(
            "container-started-late", Population.RuntimeDepsImage, labels, ["/bin/sh", "-c", "trap 'exit 0' TERM; echo ready; while true; do sleep 0.1; done"]);
        await using var events = EngineEventLog.Start(engine.Client, ["container"], population.RunLabel);
        await using var proxy = new FaultingEngineProxy(engine.Endpoint);
        // The removal is the first request about this container after the listing (it was listed as stopped).
        proxy.BeforeFirstRequestFor("containers/" + started, async () =>
        {
            await engine.Client.Containers.StartContainerAsync(started, new ContainerStartParameters());
            await WaitForReadyAsync(started);
        });

        var run = await ActionRun.StartAsync(proxy.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
            ["resources"] = "containers",
            ["stop-timeout"] = "20",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, proxy.ChangesMade);
        Assert.False(await population.ExistsAsync(ResourceKind.Containers, started), "the container is still there");
        var row = Assert.Single(run.Rows(ResourceKind.Containers), r => r.Id == started);
        Assert.Equal("removed", row.Outcome);
        var log = await events.WaitUntilAsync(seen => seen.Any(e => e.Actor.ID == started && e.Action == "destroy"));
        Assert.Contains(log, e => e.Actor.ID == started && e.Action == "kill" && Signal(e) == "15");
        Assert.DoesNotContain(log, e => e.Actor.ID == started && e.Action == "kill" && Signal(e) == "9");
        Assert.Equal("0", log.First(e => e.Actor.ID == started && e.Action == "die").Actor.Attributes!["exitCode"]);
    }

    [Fact]
    public async Task A_resource_removed_by_someone_else_after_the_listing_is_already_gone_not_failed()
    {
        await using var population = new Population(engine.Client);
        var image = await population.LoadImageAsync("image-plain", new Dictionary<string, string>());
        var container = await population.CreateContainerAsync("container-gone", image, population.Labels("managed-by=ci"));
        await using var proxy = new FaultingEngineProxy(engine.Endpoint);
        proxy.BeforeFirstRequestFor("containers/" + container, () => engine.Client.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true }));

        var run = await ActionRun.StartAsync(proxy.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
            ["fail-on-error"] = "true",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, proxy.ChangesMade);
        var row = Assert.Single(run.Rows(ResourceKind.Containers), r => r.Id == container);
        Assert.Equal(("already_gone", "already removed by someone else"), (row.Outcome, row.Reason));
    }

    private static string? Signal(Message e) => e.Actor.Attributes?.TryGetValue("signal", out var signal) == true ? signal : null;

    // The shell has set its SIGTERM trap once it has said "ready"; a SIGTERM before that would find none.
    private async Task WaitForReadyAsync(string containerId)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await ContainerLogReader.ReadAsync(engine.Client, containerId)).Any(line => line.Text == "ready"))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the started container never said ready");
            await Task.Delay(50);
        }
    }
}
