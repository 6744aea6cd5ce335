using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Docker;

public sealed class DockerEngineProbeTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Probe_async_real_engine_answers_with_its_version()
    {
        var status = await DockerEngineProbe.ProbeAsync(engine.Endpoint);
        var expected = await engine.Client.System.GetVersionAsync();

        Assert.True(status.Answers, status.Error);
        Assert.Equal(expected.Version, status.ServerVersion);
        Assert.Equal(expected.APIVersion, status.ApiVersion);
        Assert.Null(status.Error);
    }

    [Fact]
    public async Task Probe_async_missing_socket_says_it_does_not_answer()
    {
        var endpoint = DockerEndpoint.Parse($"unix://{Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "docker.sock")}");

        var status = await DockerEngineProbe.ProbeAsync(endpoint, TimeSpan.FromSeconds(2));

        Assert.False(status.Answers);
        Assert.Null(status.ServerVersion);
        Assert.Contains(endpoint.ToString(), status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_async_closed_tcp_port_says_it_does_not_answer()
    {
        var endpoint = DockerEndpoint.Parse($"tcp://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}");

        var status = await DockerEngineProbe.ProbeAsync(endpoint, TimeSpan.FromSeconds(2));

        Assert.False(status.Answers);
        Assert.Contains("tcp://127.0.0.1:", status.Error, StringComparison.Ordinal);
    }
}
