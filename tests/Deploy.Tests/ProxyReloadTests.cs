using System.Text;
using Tailpaste.Deploy.Proxy;
using Tailpaste.Deploy.Record;
using Tailpaste.Deploy.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Deploy.Tests;

/// <summary>
/// The real nginx proxy is reloaded only when its routes change (each reload closes users' idle kept-alive
/// connections), and a change a killed run wrote into the routes file but never reloaded is still reloaded.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ProxyReloadTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Routes_the_proxy_serves_are_not_reloaded_but_routes_written_without_a_reload_are()
    {
        var ports = DockerEngineFixture.FreeLoopbackPorts(4);
        var (first, second) = (new ProxyRoutes(ports[2], ports[3]), new ProxyRoutes(ports[3], ports[2]));
        var service = engine.UniqueName("tp-proxy");
        var changes = new List<ProxyChange>();
        await using var volume = await DeployVolume.OpenAsync(engine.Client, await engine.CreateVolumeAsync("tp-deploy"), await engine.EnsureSampleImageAsync(), engine.Labels, CancellationToken.None);
        var proxy = new ReverseProxy(engine.Client, volume, service, await DeployImages.ProxyAsync(), ports[0], ports[1], engine.Labels) { Applied = changes.Add };

        await proxy.ApplyAsync(first, CancellationToken.None);
        await proxy.ApplyAsync(first, CancellationToken.None);
        Assert.Equal([false], changes.Select(c => c.Reloaded)); // created, then nothing to change

        await proxy.ApplyAsync(second, CancellationToken.None);
        await proxy.ApplyAsync(second, CancellationToken.None);
        Assert.Equal([false, true], changes.Select(c => c.Reloaded));

        // A run killed after renaming the new routes into place and before the reload: the file says "first", nginx serves "second".
        await volume.WriteAsync($"{service}/proxy/{NginxConfig.RoutesFile}", Encoding.UTF8.GetBytes(NginxConfig.Routes(first, ports[0], ports[1])), CancellationToken.None);
        var change = await proxy.ApplyAsync(first, CancellationToken.None);
        Assert.Equal([false, true, true], changes.Select(c => c.Reloaded));
        Assert.NotEmpty(change.OldWorkers);
    }
}
