using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// The image a release ships (Native AOT, Octokit inside it) run as the runner runs a <c>docker://</c> action:
/// it reads the service container and keeps its history through the Docker socket, and dispatches recovery
/// through Octokit to WireMock answering like the GitHub API.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ReleasedImageTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>, IDisposable
{
    private const string Action = "health-check";

    private readonly ContainerActionRunner _runner = new(fixture.Engine);

    public void Dispose() => _runner.Dispose();

    [Fact]
    public async Task The_released_Native_AOT_image_checks_the_container_through_the_socket_and_dispatches_recovery_through_Octokit()
    {
        await using var image = await ReleasedActionImage.BuildAsync(fixture.Engine, Action);
        var service = await fixture.StartAsync();
        var volume = await fixture.Engine.CreateVolumeAsync("health-released-history");
        using var github = new FakeGitHubAndSlack();
        var inputs = github.RecoveryInputs("history.db");
        inputs["history-volume"] = volume;
        inputs["recover-after"] = "1";
        inputs["checks"] = "service, container";
        inputs["service-url"] = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}";
        inputs["attempts"] = "1";
        inputs["response-timeout"] = "2";
        inputs["container-name"] = service.ContainerId;
        inputs["container-labels"] = $"{DockerEngineFixture.TestRunLabel}={fixture.Engine.TestRunId}";
        inputs["disk-check-image"] = DockerEngineSetup.RuntimeDepsImage;

        var run = await _runner.RunImageAsync(image.Reference, Action, inputs);

        Assert.True(await image.IsNativeAotAsync(Action), $"{image.Reference} does not hold {Action} as a Native AOT binary alone");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy", run.Outputs["status"]);
        Assert.Equal("service", run.Outputs["failed-checks"]);
        Assert.Equal("true", run.Outputs["recovery-dispatched"]);
        Assert.Equal("1", run.Outputs["consecutive-failures"]);
        var dispatch = Assert.Single(github.Dispatches);
        FakeGitHubAndSlack.AssertDeployDispatch(dispatch);
    }
}
