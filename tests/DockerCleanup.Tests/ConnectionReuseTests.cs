using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>
/// The action keeps its connections to the engine's unix socket open and sends request after request on them:
/// a cleanup makes one request per removal, and a new connection for each costs the client and the engine a
/// connect and a new HTTP session. Counted by a relay socket in front of the real engine.
/// </summary>
public sealed class ConnectionReuseTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private const int Containers = 40;

    [Fact]
    public async Task Removals_reuse_the_connections_to_the_engine_socket()
    {
        await using var population = new Population(engine.Client);
        var selected = population.Labels("environment=testing", "managed-by=ci");
        var image = await population.LoadImageAsync("image-unselected", new Dictionary<string, string>());
        var containers = await Task.WhenAll(Enumerable.Range(0, Containers).Select(_ => population.CreateContainerAsync("container-stopped", image, selected)));
        await using var relay = new CountingSocketRelay(engine.Endpoint);

        var run = await ActionRun.StartAsync(relay.DockerHost, new Dictionary<string, string>
        {
            ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}",
            ["prune-dangling"] = "false",
            ["resources"] = "containers",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Containers.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Outputs["removed-containers"]);
        foreach (var id in containers)
        {
            Assert.False(await population.ExistsAsync(ResourceKind.Containers, id), $"container {id[..12]} is still there");
        }

        // The version probe and the listings go out at once, then at most MaxParallelRemovals removals at a time:
        // that many connections at most, however many containers there are (one per request would be over 40).
        Assert.InRange(relay.Connections, 1, CleanupRunner.MaxParallelRemovals + 4);
    }
}
