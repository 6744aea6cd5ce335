using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// What the action asks the engine after its listing, counted by a pass-through proxy in front of the real
/// engine. A stopped container, a network and an image selected by labels are removed with their removal
/// request alone: they are removed by an ID the engine never reuses, and their labels and age cannot change,
/// so reading them again could only say "gone", which the removal answers itself. A volume is removed by name
/// and may have been recreated under it, so it is read again first.
/// </summary>
public sealed class RequestsPerRemovalTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Resources_removed_by_ID_take_one_request_each_and_a_volume_is_read_again_first()
    {
        await using var population = new Population(engine.Client);
        var selected = population.Labels("environment=testing", "managed-by=ci");
        // The containers' image is not selected, so it stays and asks for nothing.
        var baseImage = await population.LoadImageAsync("image-unselected", new Dictionary<string, string>());
        var containers = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => population.CreateContainerAsync("container-stopped", baseImage, selected)));
        var image = await population.LoadImageAsync("image-selected", selected);
        var network = await population.CreateNetworkAsync("network-selected", selected);
        var volume = await population.CreateVolumeAsync("volume-selected", selected);
        await using var proxy = new FaultingEngineProxy(engine.Endpoint);

        var run = await ActionRun.StartAsync(proxy.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("3", "1", "1", "1"), (run.Outputs["removed-containers"], run.Outputs["removed-images"], run.Outputs["removed-networks"], run.Outputs["removed-volumes"]));
        var requests = proxy.Requests;
        foreach (var (kind, id) in containers.Select(c => (ResourceKind.Containers, c)).Append((ResourceKind.Images, image)).Append((ResourceKind.Networks, network)))
        {
            Assert.Equal([("DELETE", kind)], About(requests, id).Select(r => (r.Method, kind)));
            Assert.False(await population.ExistsAsync(kind, id), $"{kind} {id} is still there");
        }

        Assert.Equal(["GET", "DELETE"], About(requests, volume).Select(r => r.Method));
        Assert.False(await population.ExistsAsync(ResourceKind.Volumes, volume), "the volume is still there");
        Assert.True(await population.ExistsAsync(ResourceKind.Images, baseImage), "the unselected image went");
    }

    [Fact]
    public async Task Networks_images_and_volumes_are_listed_with_the_selector_as_the_engines_label_filter()
    {
        await using var population = new Population(engine.Client);
        var selected = population.Labels("environment=testing", "managed-by=ci");
        var image = await population.LoadImageAsync("image-selected", selected);
        var volume = await population.CreateVolumeAsync("volume-selected", selected);
        var unselected = await population.CreateVolumeAsync("volume-unselected", population.Labels("managed-by=human"));
        await using var proxy = new FaultingEngineProxy(engine.Endpoint);

        var run = await ActionRun.StartAsync(proxy.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("1", "1"), (run.Outputs["removed-images"], run.Outputs["removed-volumes"]));
        Assert.True(await population.ExistsAsync(ResourceKind.Volumes, unselected), "the unselected volume went");
        // One list each, asking the engine for what carries every selector pair and nothing else.
        foreach (var list in new[] { "/networks", "/images/json", "/volumes" })
        {
            var query = Assert.Single(proxy.Requests, r => r.Method == "GET" && r.Path.EndsWith(list, StringComparison.Ordinal)).Query;
            foreach (var pair in new[] { "environment=testing", "managed-by=ci", population.RunLabel })
            {
                Assert.Contains($"\"{pair}\":true", query, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(run.Rows(ResourceKind.Volumes), r => r.Id == unselected);
        Assert.Contains(run.Rows(ResourceKind.Images), r => r.Id == image);
        Assert.Contains(run.Rows(ResourceKind.Volumes), r => r.Id == volume);
    }

    // The requests whose path names the resource (an image ID without its "sha256:", which a path may escape).
    private static List<(string Method, string Path, string Query)> About(IReadOnlyList<(string Method, string Path, string Query)> requests, string id)
    {
        var key = id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;
        return requests.Where(r => r.Path.Contains(key, StringComparison.Ordinal)).ToList();
    }
}
