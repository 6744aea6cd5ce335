using Docker.DotNet.Models;
using Tailpaste.Images.Tests.Support;
using Tailpaste.Shared.Actions;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Images.Tests;

/// <summary>
/// The release path end to end against a real registry: eng/release-images.sh builds the Native AOT image of an
/// action, pushes it by tag and points the action.yml at it; the image is then pulled from the registry and run
/// the way the runner runs a <c>docker://</c> action, reaching the engine through the mounted socket.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ReleasedImageTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    // A cold Native AOT build of every action stage before the target, on two loaded cores.
    private static readonly TimeSpan _releaseTimeout = TimeSpan.FromMinutes(45);

    [Fact]
    public async Task A_released_docker_cleanup_is_pushed_pulled_by_tag_and_removes_what_it_selects_as_a_docker_action()
    {
        const string Action = "docker-cleanup";
        await using var registry = await LocalRegistry.StartAsync();
        var owner = "tailpaste-test-" + engine.TestRunId[..8];
        var reference = $"{registry.Address}/{owner}/tailpaste-{Action}:1.2.3";
        var actionRoot = Directory.CreateTempSubdirectory("tailpaste-release-").FullName;
        try
        {
            var manifest = Path.Combine(actionRoot, "actions", Action, "action.yml");
            Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
            var original = await File.ReadAllTextAsync(RepositoryRoot.Combine("actions", Action, "action.yml"));
            await File.WriteAllTextAsync(manifest, original);

            var printed = await DockerScript.RunAsync(
                "release-images.sh",
                ["--registry", registry.Address, "--owner", owner, "--version", "v1.2.3", "--push", "--rewrite", "--action-root", actionRoot, Action],
                new Dictionary<string, string?> { ["DOCKER_HOST"] = engine.DockerHost },
                _releaseTimeout);

            Assert.Equal(reference, printed.Trim().Split('\n')[^1]);
            var rewritten = await File.ReadAllTextAsync(manifest);
            Assert.Equal(original.Replace("  image: ../../Dockerfile\n", $"  image: docker://{reference}\n", StringComparison.Ordinal), rewritten);
            Assert.Equal(ActionManifest.Parse(original).Inputs.Count, ActionManifest.Parse(rewritten).Inputs.Count);

            // Only the registry has it now: the pull below must fetch it.
            await engine.Client.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = true });
            await engine.Client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = reference[..reference.LastIndexOf(':')], Tag = "1.2.3" },
                null,
                new Progress<JSONMessage>());
            var pulled = await engine.Client.Images.InspectImageAsync(reference);

            Assert.Contains(pulled.RepoDigests ?? [], d => d.StartsWith($"{registry.Address}/{owner}/tailpaste-{Action}@sha256:", StringComparison.Ordinal));
            var labels = pulled.Config?.Labels ?? new Dictionary<string, string>();
            Assert.Equal(Action, labels["tailpaste.actions"]);
            Assert.Equal("1.2.3", labels["org.opencontainers.image.version"]);
            Assert.Equal(0, await RunShellAsync(reference, $"test -x /app/{Action}/{Action} && test ! -e /app/{Action}/{Action}.dll && test ! -e /usr/share/dotnet && ! command -v git"));

            await AssertRemovesItsVolumeAsync(reference, Action);
        }
        finally
        {
            Directory.Delete(actionRoot, recursive: true);
            await RemoveImageAsync(reference);
        }
    }

    private async Task AssertRemovesItsVolumeAsync(string image, string action)
    {
        using var run = new ContainerActionRunner(engine);
        var selector = Guid.NewGuid().ToString("N");
        var volume = engine.UniqueName("released");
        var labels = new Dictionary<string, string>(engine.Labels) { ["tailpaste.released-image"] = selector };
        await engine.Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = volume, Labels = labels });

        var result = await run.RunImageAsync(image, action, new Dictionary<string, string>
        {
            ["labels"] = "tailpaste.released-image=" + selector,
            ["resources"] = "volumes",
            ["prune-dangling"] = "false",
            ["dry-run"] = "false",
        });

        var volumes = await engine.Client.Volumes.ListAsync(new VolumesListParameters());
        var left = (volumes.Volumes ?? []).Any(v => v.Name == volume);
        if (left)
        {
            await engine.Client.Volumes.RemoveAsync(volume, force: true);
        }

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        Assert.Equal("1", result.Outputs["removed-volumes"]);
        Assert.False(left, "the released image left the volume it selected");
    }

    private async Task<long> RunShellAsync(string image, string script)
    {
        var id = await engine.RunContainerAsync(new DockerContainerSpec(image)
        {
            Entrypoint = ["bash", "-c", script],
            NetworkMode = "none",
            NamePrefix = "released-shape",
        });
        return await engine.WaitForExitAsync(id, TimeSpan.FromMinutes(1));
    }

    private async Task RemoveImageAsync(string reference)
    {
        try
        {
            await engine.Client.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = true });
        }
        catch (Docker.DotNet.DockerImageNotFoundException)
        {
            // Never pulled, or already gone.
        }
    }
}
