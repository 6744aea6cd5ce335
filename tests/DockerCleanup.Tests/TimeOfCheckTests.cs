using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
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
    public async Task A_resource_removed_by_someone_else_after_the_listing_is_already_gone_not_failed()
    {
        await using var population = new Population(engine.Client);
        var image = await population.LoadImageAsync("image-plain", new Dictionary<string, string>());
        var container = await population.CreateContainerAsync("container-gone", image, population.Labels("managed-by=ci"));
        await using var proxy = new FaultingEngineProxy(engine.Endpoint);
        proxy.BeforeFirstRequestFor("containers/" + container + "/json", () => engine.Client.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true }));

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
}
