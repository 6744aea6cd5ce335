using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// Images and volumes that no container uses do not wait for the container phase: they are removed while a
/// selected container is still given its stop-timeout. An image a selected container uses still waits for
/// that container to be gone. Seen through the engine's own events, not through timing.
/// </summary>
public sealed class IndependentRemovalTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Unused_images_and_volumes_go_while_containers_stop_and_used_ones_wait_for_them()
    {
        await using var population = new Population(engine.Client);
        var selected = new[] { "environment=testing", "managed-by=ci" };
        var usedImage = await population.BuildRunnableImageAsync("image-of-stubborn", population.Labels(selected));
        // /bin/sleep as PID 1 ignores SIGTERM, so its stop takes the whole stop-timeout.
        var stubborn = await population.RunContainerAsync("container-ignores-term", usedImage, population.Labels(selected));
        var freeImage = await population.LoadImageAsync("image-unused", population.Labels(selected));
        var freeVolume = await population.CreateVolumeAsync("volume-unused", population.Labels(selected));

        // Volume events carry no labels, so every event is watched and the test's own are picked by ID.
        await using var events = EngineEventLog.Start(engine.Client, ["container", "image", "volume"]);
        var run = await ActionRun.StartAsync(engine.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
            ["resources"] = "containers,images,volumes",
            ["stop-timeout"] = "3",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("1", "2", "1"), (run.Outputs["removed-containers"], run.Outputs["removed-images"], run.Outputs["removed-volumes"]));
        var log = await events.WaitUntilAsync(seen =>
            seen.Any(e => e.Type == "container" && e.Actor.ID == stubborn && e.Action == "destroy")
            && seen.Any(e => IsImageDelete(e, usedImage)) && seen.Any(e => IsImageDelete(e, freeImage))
            && seen.Any(e => e.Type == "volume" && e.Actor.ID == freeVolume && e.Action == "destroy"));

        var sigkill = log.First(e => e.Actor.ID == stubborn && e.Action == "kill" && e.Actor.Attributes?.TryGetValue("signal", out var signal) == true && signal == "9").TimeNano;
        var destroyed = log.First(e => e.Actor.ID == stubborn && e.Action == "destroy").TimeNano;
        Assert.True(log.First(e => IsImageDelete(e, freeImage)).TimeNano < sigkill, "the unused image waited for the container's stop-timeout");
        Assert.True(log.First(e => e.Type == "volume" && e.Actor.ID == freeVolume && e.Action == "destroy").TimeNano < sigkill, "the unused volume waited for the container's stop-timeout");
        Assert.True(log.First(e => IsImageDelete(e, usedImage)).TimeNano > destroyed, "the image went before the container that used it");

        foreach (var (kind, id) in new[] { (ResourceKind.Containers, stubborn), (ResourceKind.Images, usedImage), (ResourceKind.Images, freeImage), (ResourceKind.Volumes, freeVolume) })
        {
            Assert.False(await population.ExistsAsync(kind, id), $"{kind} {id} is still there");
        }
    }

    private static bool IsImageDelete(Message e, string imageId) => e.Type == "image" && e.Action == "delete" && e.Actor.ID == imageId;
}
