using Docker.DotNet.Models;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Docker;

/// <summary>
/// The factory's clients reach the real engine over both transports it chooses: the unix socket, and
/// tcp:// (through a byte-for-byte TCP front for the engine's socket, which records the requests). Each
/// transport is asked for a plain answer, a log stream and an exec whose output comes over a hijacked connection.
/// </summary>
public sealed class DockerClientFactoryTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Create_unix_endpoint_reads_version_logs_and_exec_output()
    {
        Assert.Equal(DockerTransport.Unix, engine.Endpoint.Transport);

        await AssertTalksToEngineAsync(engine.Endpoint);
    }

    [Fact]
    public async Task Create_tcp_endpoint_reads_version_logs_and_exec_output()
    {
        await using var proxy = new RecordingDockerProxy(engine.DockerHost);
        var endpoint = DockerEndpoint.Parse(proxy.DockerHost);

        await AssertTalksToEngineAsync(endpoint);

        Assert.Contains(proxy.Requests, request => request.StartsWith("GET ", StringComparison.Ordinal) && request.Contains("/version", StringComparison.Ordinal));
        Assert.Contains(proxy.Requests, request => request.Contains("/logs?", StringComparison.Ordinal));
        Assert.Contains(proxy.Requests, request => request.StartsWith("POST ", StringComparison.Ordinal) && request.Contains("/exec/", StringComparison.Ordinal) && request.EndsWith("/start", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_non_positive_timeout_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DockerClientFactory.Create(DockerEndpoint.Default, TimeSpan.Zero));

    private async Task AssertTalksToEngineAsync(DockerEndpoint endpoint)
    {
        using var client = DockerClientFactory.Create(endpoint, TimeSpan.FromSeconds(30));
        var id = await engine.RunContainerAsync(new DockerContainerSpec(DockerEngineSetup.RuntimeDepsImage)
        {
            Entrypoint = ["bash", "-c"],
            Command = ["echo started; echo complaint >&2; exec sleep 60"],
            NetworkMode = "none",
            NamePrefix = "client-factory",
        });

        var version = await client.System.GetVersionAsync();
        Assert.Equal((await engine.Client.System.GetVersionAsync()).Version, version.Version);

        var lines = await WaitForLinesAsync(client, id, 2);
        Assert.Contains(lines, line => line is { Stream: ContainerLogStream.StandardOutput, Text: "started" });
        Assert.Contains(lines, line => line is { Stream: ContainerLogStream.StandardError, Text: "complaint" });

        var exec = await client.Exec.CreateContainerExecAsync(id, new ContainerExecCreateParameters { Cmd = ["bash", "-c", "printf 'from exec'; printf 'to stderr' >&2"], AttachStdout = true, AttachStderr = true });
        using var stream = await client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(deadline.Token);
        Assert.Equal("from exec", stdout);
        Assert.Equal("to stderr", stderr);
    }

    // The container writes its first lines a moment after it starts.
    private static async Task<IReadOnlyList<ContainerLogLine>> WaitForLinesAsync(global::Docker.DotNet.IDockerClient client, string id, int count)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var lines = await ContainerLogReader.ReadAsync(client, id);
            if (lines.Count >= count || DateTimeOffset.UtcNow > deadline)
            {
                return lines;
            }

            await Task.Delay(100);
        }
    }
}
