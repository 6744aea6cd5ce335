using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

/// <summary>The action as a CLI: the shared vocabulary's aliases work though the action does not spell them out.</summary>
public sealed class CommandLineTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Host_on_the_command_line_is_the_docker_host_input()
    {
        await using var population = new Population(engine.Client);
        var volume = await population.CreateVolumeAsync("volume", population.Labels("environment=testing", "managed-by=ci"));

        // No DOCKER_HOST and no docker-host input: only --host points the run at the test's engine.
        var run = await ActionRun.StartAsync(
            null,
            new Dictionary<string, string> { ["labels"] = $"environment=testing,managed-by=ci,{population.RunLabel}", ["resources"] = "volumes", ["dry-run"] = "true" },
            ["--host", engine.DockerHost]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([volume], run.Rows(ResourceKind.Volumes).Where(r => r.Outcome == "would_remove").Select(r => r.Id));
    }
}
