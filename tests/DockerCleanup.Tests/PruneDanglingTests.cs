using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// prune-dangling, seen through dry runs: pruning is engine-wide by nature, and a real prune on the shared
/// engine would take other test runs' dangling images and unlabelled stopped containers.
/// </summary>
public sealed class PruneDanglingTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Dangling_images_and_unlabelled_stopped_containers_are_pruned_but_never_volumes_labelled_containers_or_protected_images()
    {
        await using var population = new Population(engine.Client);
        var none = new Dictionary<string, string>();
        var plain = await population.LoadImageAsync("image-plain", none);
        var unlabelledContainer = await population.CreateContainerAsync("container-unlabelled", plain, none);
        var labelledContainer = await population.CreateContainerAsync("container-labelled-unselected", plain, population.Labels("environment=staging"));
        var dangling = await population.LoadImageAsync("image-dangling", none, tagCount: 0);
        var danglingLabelled = await population.LoadImageAsync("image-dangling-labelled", population.Labels("environment=staging"), tagCount: 0);
        var danglingProtected = await population.LoadImageAsync("image-dangling-protected", population.Labels("environment=production"), tagCount: 0);
        var unlabelledVolume = await population.CreateVolumeAsync("volume-unlabelled", none);
        var before = await population.ExistingAsync();
        var inputs = new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "true",
            ["dry-run"] = "true",
        };

        var run = await ActionRun.StartAsync(engine.DockerHost, inputs);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(before, await population.ExistingAsync());
        var rows = run.AllRows.Where(r => before.Any(key => key.Id == r.Id)).ToDictionary(r => r.Id);
        foreach (var id in new[] { unlabelledContainer, dangling, danglingLabelled })
        {
            Assert.Equal(("would_remove", "dangling"), (rows[id].Outcome, rows[id].SelectedBy));
        }

        Assert.Equal(("protected", "dangling"), (rows[danglingProtected].Outcome, rows[danglingProtected].SelectedBy));
        Assert.Equal(4, rows.Count);
        Assert.DoesNotContain(labelledContainer, rows.Keys);
        Assert.DoesNotContain(plain, rows.Keys);
        Assert.DoesNotContain(unlabelledVolume, rows.Keys);
        Assert.Contains(run.Summary.Split('\n'), line => line.Contains(unlabelledContainer[..12], StringComparison.Ordinal) && line.Contains("would remove (dangling)", StringComparison.Ordinal));

        // Pruning stays within `resources`: with containers only, no image is even considered.
        inputs["resources"] = "containers";
        var containersOnly = await ActionRun.StartAsync(engine.DockerHost, inputs);

        Assert.True(containersOnly.ExitCode == 0, containersOnly.ToString());
        Assert.Empty(containersOnly.Rows(ResourceKind.Images));
        Assert.Contains(containersOnly.Rows(ResourceKind.Containers), r => r.Id == unlabelledContainer && r.Outcome == "would_remove");
        Assert.Equal(before, await population.ExistingAsync());
    }
}
