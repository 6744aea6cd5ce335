using System.Globalization;
using System.Net;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Docker;

/// <summary>The sample service as a container on the real engine, reached over HTTP, its log read through the Engine API.</summary>
public sealed class SampleServiceContainerTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Get_root_answers_ok_and_writes_one_access_log_line_readable_through_the_engine()
    {
        var image = await engine.EnsureSampleImageAsync();
        var port = DockerEngineFixture.FreeLoopbackPort();
        var id = await engine.RunContainerAsync(new DockerContainerSpec(image)
        {
            // Host network: the engine has no bridge. Loopback only, on a port no other test uses.
            Environment = new Dictionary<string, string>
            {
                ["LISTEN_ADDRESS"] = "127.0.0.1",
                ["LISTEN_PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["STORAGE_PATH"] = "/tmp/pastes",
            },
            NamePrefix = "paste-service",
        });
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        await engine.WaitForHttpAsync(id, new Uri(baseUrl, "healthz"), _startTimeout);
        var agent = $"tailpaste-test/{Guid.NewGuid():N}";

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl);
        request.Headers.TryAddWithoutValidation("User-Agent", agent);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK\n", body);
        var line = await WaitForLogLineAsync(id, agent);
        Assert.Equal(ContainerLogStream.StandardOutput, line.Stream);
        Assert.Matches(
            $"""^127\.0\.0\.1 - - \[\d\d/\w\w\w/\d{"{4}"}:\d\d:\d\d:\d\d \+0000\] "GET / HTTP/1\.1" 200 3 "-" "{agent}" \d+\.\d{"{3}"}$""",
            line.Text);
    }

    [Fact]
    public async Task Help_exits_zero_lists_the_settings_and_the_container_carries_the_test_run_label()
    {
        var image = await engine.EnsureSampleImageAsync();
        var id = await engine.RunContainerAsync(new DockerContainerSpec(image)
        {
            Entrypoint = ["dotnet", "PasteService.dll", "--help"],
            NamePrefix = "paste-service-help",
        });
        var exitCode = await engine.WaitForExitAsync(id, _startTimeout);

        var container = await engine.Client.Containers.InspectContainerAsync(id);
        var help = string.Join('\n', (await engine.ReadLogsAsync(id)).Select(l => l.Text));

        Assert.Equal(0, exitCode);
        Assert.Contains("LISTEN_PORT", help, StringComparison.Ordinal);
        Assert.Contains("STORAGE_PATH", help, StringComparison.Ordinal);
        Assert.Equal("host", container.HostConfig?.NetworkMode);
        Assert.Equal(engine.TestRunId, container.Config?.Labels?[DockerEngineFixture.TestRunLabel]);
        Assert.True(LabelSelector.Parse($"{DockerEngineFixture.TestRunLabel}={engine.TestRunId}").Matches(container.Config?.Labels));
    }

    // The service writes the access-log line after the response; the engine may lag a moment more.
    private async Task<ContainerLogLine> WaitForLogLineAsync(string id, string agent)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        IReadOnlyList<ContainerLogLine> lines = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            lines = await engine.ReadLogsAsync(id);
            var matching = lines.Where(l => l.Text.Contains(agent, StringComparison.Ordinal)).ToList();
            if (matching.Count > 0)
            {
                return Assert.Single(matching);
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No access-log line with {agent} in the container's log:\n{string.Join('\n', lines.Select(l => $"[{l.Stream}] {l.Text}"))}");
        throw new InvalidOperationException("unreachable");
    }
}
