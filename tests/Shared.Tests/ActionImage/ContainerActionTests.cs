using Docker.DotNet.Models;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Shared.Tests.ActionImage;

/// <summary>
/// The actions image built from the root Dockerfile (what every action.yml names) behaves as a container
/// action under the runner's contract: inputs from INPUT_ variables, outputs and summary through the mounted
/// file-command files, annotations on stdout, the engine through the mounted socket, exit codes 0/1/2.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ContainerActionTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Validate_workflows_annotates_the_broken_workflow_and_writes_outputs_through_the_runner_files()
    {
        using var run = new ContainerActionRunner(engine);
        var workflows = Directory.CreateDirectory(Path.Combine(run.Workspace, ".github", "workflows")).FullName;
        File.WriteAllText(Path.Combine(workflows, "broken.yml"), """
            on: push
            permissions:
              contents: read
            jobs:
              build:
                runs-on: ubuntu-latest
                needs: [missing]
                steps:
                  - run: echo hi
            """);

        var result = await run.RunAsync("validate-workflows", new Dictionary<string, string>
        {
            ["root"] = ".",
            ["fail-on-warning"] = "false",
        });

        Assert.Equal(1, result.ExitCode);
        // An unknown need is reported on the job id, where actionlint reports it.
        Assert.Contains("::error file=.github/workflows/broken.yml,line=5,", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("1", result.Outputs["errors"]);
        Assert.Equal("1", result.Outputs["files"]);
        Assert.Contains("broken.yml", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_cleanup_reaches_the_engine_through_the_mounted_socket_dry_run_first()
    {
        using var run = new ContainerActionRunner(engine);
        var selector = $"tailpaste.container-action={Guid.NewGuid():N}";
        var volume = engine.UniqueName("container-action");
        var labels = new Dictionary<string, string>(engine.Labels) { [selector.Split('=')[0]] = selector.Split('=')[1] };
        await engine.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = volume, Labels = labels });
        try
        {
            var inputs = new Dictionary<string, string>
            {
                ["labels"] = selector,
                ["resources"] = "volumes",
                ["prune-dangling"] = "false",
                ["dry-run"] = "true",
            };
            var dryRun = await run.RunAsync("docker-cleanup", inputs);
            var survivedDryRun = await VolumeExistsAsync(volume);
            inputs["dry-run"] = "false";
            var real = await run.RunAsync("docker-cleanup", inputs);

            Assert.Equal(0, dryRun.ExitCode);
            Assert.True(survivedDryRun, "the dry run removed the volume:\n" + dryRun.StandardOutput + dryRun.StandardError + dryRun.Summary);
            Assert.Contains(volume, dryRun.Summary, StringComparison.Ordinal);
            Assert.Equal(0, real.ExitCode);
            Assert.Equal("1", real.Outputs["removed-volumes"]);
            Assert.False(await VolumeExistsAsync(volume), "the real run left the volume");
        }
        finally
        {
            if (await VolumeExistsAsync(volume))
            {
                await engine.Client.Volumes.RemoveAsync(volume, force: true);
            }
        }
    }

    [Fact]
    public async Task Bad_input_exits_two_naming_the_input_and_value_and_writes_no_outputs()
    {
        using var run = new ContainerActionRunner(engine);

        var result = await run.RunAsync("docker-cleanup", new Dictionary<string, string>
        {
            ["resources"] = "containers,bogus",
            ["dry-run"] = "true",
        });

        Assert.Equal(2, result.ExitCode);
        var said = result.StandardOutput + "\n" + result.StandardError;
        Assert.Contains("resources", said, StringComparison.Ordinal);
        Assert.Contains("bogus", said, StringComparison.Ordinal);
        Assert.Empty(result.Outputs);
    }

    private async Task<bool> VolumeExistsAsync(string name)
    {
        var volumes = await engine.Client.Volumes.ListAsync(new VolumesListParameters());
        return (volumes.Volumes ?? []).Any(v => v.Name == name);
    }
}
