using Tailpaste.Deploy.Tests.Support;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Deploy.Tests;

/// <summary>
/// The deploy action in the actions image, started the way the runner starts a Docker container action (inputs as
/// INPUT_ variables, the runner's folders and the Docker socket mounted), deploying blue-green on the engine through
/// that socket.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ContainerActionTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task The_action_image_deploys_through_the_socket()
    {
        var service = await Deployment.CreateAsync(engine);
        var image = await engine.EnsureSampleImageAsync();
        var inputs = service.Inputs(image);
        inputs.Remove("docker-host");
        using var runner = new ContainerActionRunner(engine);

        var run = await runner.RunAsync("deploy", inputs);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("blue", run.Outputs["live-slot"]);
        Assert.Equal(image, run.Outputs["deployed-image"]);
        Assert.Contains("Deploy of", run.Summary, StringComparison.Ordinal);
        Assert.Equal(200, await service.StatusAsync());
        Assert.Equal("blue", (await service.RecordAsync())!.LiveSlot);
    }
}
