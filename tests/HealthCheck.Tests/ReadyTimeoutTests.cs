using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// ready-timeout: a service started just before the run (an integration test's) is waited for until its readiness
/// path answers 2xx, then checked; one that is not ready in time is checked as it is, with a warning; a bad value
/// is exit 2 before any request.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ReadyTimeoutTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>
{
    [Fact]
    public async Task A_service_that_comes_up_after_the_run_began_is_waited_for_and_checked_healthy()
    {
        var (url, start) = await CreateServiceAsync();

        var run = ActionRun.RunAsync(new Dictionary<string, string> { ["checks"] = "service", ["service-url"] = url, ["ready-timeout"] = "60s" });
        await Task.Delay(TimeSpan.FromSeconds(2));
        await start();
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("passed", result.CheckStatus("service"));
        Assert.Contains($"{url}/readyz answered 2xx after ", result.Stdout, StringComparison.Ordinal);
    }

    // What the input is for: the same late start without it is judged before the service is up.
    [Fact]
    public async Task Without_ready_timeout_a_service_that_comes_up_after_the_run_began_is_unhealthy()
    {
        var (url, start) = await CreateServiceAsync();

        var run = ActionRun.RunAsync(new Dictionary<string, string> { ["checks"] = "service", ["service-url"] = url });
        await Task.Delay(TimeSpan.FromSeconds(2));
        await start();
        var result = await run;

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("failed", result.CheckStatus("service"));
    }

    [Fact]
    public async Task A_service_not_ready_in_time_is_checked_as_it_is_with_a_warning()
    {
        var url = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}";
        var clock = Stopwatch.StartNew();

        var run = await ActionRun.RunAsync(new Dictionary<string, string> { ["checks"] = "service", ["service-url"] = url, ["attempts"] = "1", ["ready-timeout"] = "2s" });

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("failed", run.CheckStatus("service"));
        Assert.Contains($"::warning::{url}/readyz did not answer 2xx within ready-timeout (2 s); checking the service as it is", run.Stdout, StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"the run ended after {clock.Elapsed}, before ready-timeout passed");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5s")]
    [InlineData("11m")]
    public async Task A_bad_ready_timeout_is_bad_input_naming_the_input_and_the_value(string value)
    {
        var run = await ActionRun.RunAsync(new Dictionary<string, string>
        {
            ["checks"] = "service",
            ["service-url"] = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}",
            ["ready-timeout"] = value,
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input 'ready-timeout' has the value '{value}'", run.Stdout, StringComparison.Ordinal);
        Assert.Null(run.Report);
    }

    // The sample service's container created but not started, as `docker run -d` leaves one a moment before it answers.
    private async Task<(string Url, Func<Task> Start)> CreateServiceAsync()
    {
        var engine = fixture.Engine;
        var port = DockerEngineFixture.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = engine.UniqueName("health-late-service"),
            Image = fixture.Image,
            Env = ["LISTEN_ADDRESS=127.0.0.1", $"LISTEN_PORT={port}"],
            Labels = new Dictionary<string, string>(engine.Labels),
            HostConfig = new HostConfig { NetworkMode = "host", Binds = [$"{await engine.CreateVolumeAsync("health-data")}:/data"] },
        });
        return ($"http://127.0.0.1:{port}", () => engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters()));
    }
}
