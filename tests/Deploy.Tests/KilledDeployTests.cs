using Tailpaste.Deploy.Record;
using Tailpaste.Deploy.Tests.Support;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Deploy.Tests;

/// <summary>
/// A blue-green deploy killed outright (SIGKILL) at each phase — the new version started, users switched to it,
/// inside its verify window — and one whose proxy container is restarted in the middle of the window. The next run
/// (the dead run's stale lock broken) ends with exactly one healthy version serving users, and the record says which.
/// </summary>
[Trait("Category", "Docker")]
public sealed class KilledDeployTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private static readonly TimeSpan _phaseTimeout = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("candidate-started")]
    [InlineData("switched")]
    [InlineData("verifying")]
    public async Task A_deploy_killed_at_a_phase_is_undone_by_the_next_run(string phase)
    {
        var service = await Deployment.CreateAsync(engine);
        var v1 = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:1.0.0", "ENV APP_VERSION=1.0.0");
        var v2 = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:2.0.0", "ENV APP_VERSION=2.0.0");
        var (first, _) = await service.RunAsync(service.Inputs(v1));
        Assert.True(first.ExitCode == 0, first.ToString());

        using (var killed = StartDeploy(service.Inputs(v2), new Dictionary<string, string> { [DeployBinder.PauseVariable] = phase }))
        {
            await killed.WaitForLineAsync($"paused at {phase}", _phaseTimeout);
            await killed.KillAsync();
        }

        var left = await service.RecordAsync();
        Assert.NotEqual(DeployPhase.Steady, left!.Phase);
        Assert.Equal(200, await service.StatusAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var (next, report) = await service.RunAsync(service.Inputs(v2, extra: new Dictionary<string, string> { ["lock-stale-after"] = "1s" }));

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("stale lock", next.Stdout, StringComparison.Ordinal);
        Assert.Contains("undid the deploy", report!["recovered"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertOneVersionServesAsync(service, v2);
    }

    [Fact]
    public async Task A_proxy_restarted_in_the_verify_window_keeps_its_routes_and_the_deploy_completes()
    {
        var service = await Deployment.CreateAsync(engine);
        var v1 = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:1.0.0", "ENV APP_VERSION=1.0.0");
        var v2 = await DeployImages.CommitAsync(engine, $"tailpaste-test/{service.Name}:2.0.0", "ENV APP_VERSION=2.0.0");
        var (first, _) = await service.RunAsync(service.Inputs(v1));
        Assert.True(first.ExitCode == 0, first.ToString());

        using var deploy = StartDeploy(service.Inputs(v2, extra: new Dictionary<string, string> { ["verify-window"] = "12s" }), new Dictionary<string, string>());
        await deploy.WaitForLineAsync("switched users to green", _phaseTimeout);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await engine.Client.Containers.RestartContainerAsync($"{service.Name}-proxy", new Docker.DotNet.Models.ContainerRestartParameters { WaitBeforeKillSeconds = 5 });
        var exit = await deploy.WaitForExitAsync(_phaseTimeout);

        Assert.True(exit == 0, deploy.Output);
        await AssertOneVersionServesAsync(service, v2);
    }

    private async Task AssertOneVersionServesAsync(Deployment service, string image)
    {
        var running = await service.RunningSlotsAsync();
        var slot = Assert.Single(running);
        var record = await service.RecordAsync();
        Assert.Equal(DeployPhase.Steady, record!.Phase);
        Assert.Equal(slot, $"{service.Name}-{record.LiveSlot}");
        Assert.Equal(image, record.LiveImage);
        var container = await engine.Client.Containers.InspectContainerAsync(slot);
        Assert.Equal(image, container.Config!.Image);
        Assert.Equal(200, await service.StatusAsync());
        Assert.Null(await Shared.Docker.ServiceLock.FindHolderAsync(engine.Client, service.Name, CancellationToken.None));
    }

    // With the test assembly's runtime: WireMock brings in ASP.NET Core, so the build leaves the Docker client's
    // logging package to that framework and does not copy it beside deploy.dll.
    private static ActionProcess StartDeploy(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string> variables) =>
        ActionProcess.Start(DeployAction.Definition, typeof(DeployAction).Assembly, inputs, variables, runtimeOf: typeof(KilledDeployTests).Assembly);
}
