using Docker.DotNet.Models;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>The history kept in a Docker volume (history-volume), as a container action keeps it between jobs.</summary>
[Trait("Category", "Docker")]
public sealed class HistoryVolumeTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private const string HelperImage = "mcr.microsoft.com/dotnet/runtime-deps:10.0";

    [Fact]
    public async Task Runs_are_counted_across_invocations_in_the_volume_and_no_helper_container_is_left()
    {
        var volume = await engine.CreateVolumeAsync("health-history");
        var inputs = UnhealthyInputs();
        inputs["history-volume"] = volume;

        var first = await ActionRun.RunAsync(inputs);
        var second = await ActionRun.RunAsync(inputs);

        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Equal("1", first.Outputs["consecutive-failures"]);
        Assert.Equal("2", second.Outputs["consecutive-failures"]);
        Assert.Equal(2, second.Report!["history"]!["runs"]!.GetValue<long>());
        Assert.Equal($"volume:{volume}/history.db", second.Report["history"]!["path"]!.GetValue<string>());

        // The file is in the volume, seen from another container that mounts it.
        var probe = await engine.RunContainerAsync(new DockerContainerSpec(HelperImage)
        {
            Entrypoint = ["test"],
            Command = ["-s", "/v/history.db"],
            Binds = [$"{volume}:/v:ro"],
            NetworkMode = "none",
            NamePrefix = "health-history-probe",
        });
        Assert.Equal(0, await engine.WaitForExitAsync(probe, TimeSpan.FromSeconds(30)));

        var left = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerEngineFixture.TestRunLabel}={engine.TestRunId}"] = true } },
        });
        Assert.Equal([probe], left.Select(c => c.ID));
    }

    [Fact]
    public async Task A_volume_that_cannot_be_reached_is_an_error_annotation_and_the_checks_are_still_reported()
    {
        var inputs = UnhealthyInputs();
        inputs["history-volume"] = "tailpaste-health-history-unreachable";
        inputs["disk-check-image"] = "tailpaste-test/no-such-helper:never";

        var run = await ActionRun.RunAsync(inputs);

        Assert.Equal(1, run.ExitCode); // the service is unhealthy; the history problem does not hide that
        Assert.Equal("unhealthy", run.Outputs["status"]);
        Assert.Contains("::error::History: tailpaste-health-history-unreachable cannot be kept: the helper image tailpaste-test/no-such-helper:never", run.Stdout, StringComparison.Ordinal);
        Assert.Null(run.Report!["history"]);
    }

    [Theory]
    [InlineData("ln -s /etc/passwd /v/history.db", "a symbolic link")]
    [InlineData("mkdir /v/history.db", "a folder")]
    public async Task A_history_file_in_the_volume_that_is_not_a_regular_file_is_bad_input_before_any_check(string setup, string kind)
    {
        var volume = await engine.CreateVolumeAsync("health-history");
        var prepare = await engine.RunContainerAsync(new DockerContainerSpec(HelperImage)
        {
            Entrypoint = ["sh", "-c"],
            Command = [setup],
            Binds = [$"{volume}:/v"],
            NetworkMode = "none",
            NamePrefix = "health-history-prepare",
        });
        Assert.Equal(0, await engine.WaitForExitAsync(prepare, TimeSpan.FromSeconds(30)));
        await engine.Client.Containers.RemoveContainerAsync(prepare, new ContainerRemoveParameters()); // the other tests count this run's containers
        using var service = WireMock.Server.WireMockServer.Start();
        var inputs = UnhealthyInputs();
        inputs["service-url"] = service.Urls[0];
        inputs["history-volume"] = volume;

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Input 'history-path' has the value 'history.db': expected a regular file in the volume {volume}, but /tailpaste-history/history.db is {kind}", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(service.LogEntries);
        Assert.Null(run.Report);
    }

    [Theory]
    [InlineData("history-volume", "not/a/volume", "a Docker volume name")]
    [InlineData("history-path", "nested/history.db", "a file name without folders when history-volume is given")]
    public async Task Bad_volume_settings_are_bad_input(string input, string value, string expected)
    {
        var inputs = UnhealthyInputs();
        inputs["history-volume"] = "tailpaste-health-history";
        inputs[input] = value;

        var run = await ActionRun.RunAsync(inputs);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input '{input}' has the value '{value}': expected {expected}", run.Stdout, StringComparison.Ordinal);
        Assert.Null(run.Report);
    }

    private Dictionary<string, string> UnhealthyInputs()
    {
        return new Dictionary<string, string>
        {
            ["checks"] = "service",
            ["service-url"] = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}",
            ["attempts"] = "1",
            ["docker-host"] = engine.DockerHost,
            ["container-labels"] = $"{DockerEngineFixture.TestRunLabel}={engine.TestRunId}",
            ["disk-check-image"] = HelperImage,
        };
    }
}
