using Docker.DotNet.Models;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Docker;

/// <summary>Short-lived helper containers on the real engine: they see a service's volumes, end, report, and are always removed.</summary>
[Trait("Category", "Docker")]
public sealed class SiblingContainerTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private const string Image = DockerEngineSetup.RuntimeDepsImage;

    [Fact]
    public async Task RunOnce_SeesTheServiceVolumesReadOnly_AndAnotherVolume_CollectsBothStreams_AndIsRemoved()
    {
        var data = await engine.CreateVolumeAsync("sibling-data");
        var store = await engine.CreateVolumeAsync("sibling-store");
        var service = await engine.RunContainerAsync(new DockerContainerSpec(Image)
        {
            Entrypoint = ["bash", "-c", "echo service-data > /data/file && sleep 300"],
            Binds = [$"{data}:/data"],
            NetworkMode = "none",
        });
        await WaitForFileAsync(service, "/data/file");
        var marker = Guid.NewGuid().ToString("N");

        var exit = await SiblingContainer.RunOnceAsync(
            engine.Client,
            new SiblingContainerSpec(Image)
            {
                Entrypoint = ["bash", "-c", "cat /data/file; echo to-stderr >&2; echo copied > /store/out; touch /data/other || exit 3"],
                Labels = new Dictionary<string, string>(engine.Labels) { ["tailpaste.sibling-test"] = marker },
                VolumesFrom = [service + ":ro"],
                Binds = [$"{store}:/store"],
            },
            TimeSpan.FromSeconds(60),
            CancellationToken.None);

        Assert.Equal(3, exit.ExitCode);
        Assert.Equal("service-data", exit.StandardOutput);
        Assert.Contains("to-stderr", exit.StandardError, StringComparison.Ordinal);
        Assert.Contains("Read-only file system", exit.StandardError, StringComparison.Ordinal);
        Assert.Empty(await ContainersMarkedAsync(marker));
        var check = await SiblingContainer.RunOnceAsync(
            engine.Client,
            new SiblingContainerSpec(Image) { Entrypoint = ["cat", "/store/out"], Labels = engine.Labels, Binds = [$"{store}:/store:ro"] },
            TimeSpan.FromSeconds(60),
            CancellationToken.None);
        Assert.Equal("copied", check.StandardOutput);
    }

    [Fact]
    public async Task Run_PastItsTimeLimit_IsKilledAndRemoved_AndTheErrorNamesTheImage()
    {
        var marker = Guid.NewGuid().ToString("N");
        var spec = new SiblingContainerSpec(Image)
        {
            ImageSource = "helper-image",
            Entrypoint = ["bash", "-c", "echo started; sleep 120"],
            Labels = new Dictionary<string, string>(engine.Labels) { ["tailpaste.sibling-test"] = marker },
        };

        var error = await Assert.ThrowsAsync<TimeoutException>(() => SiblingContainer.RunOnceAsync(engine.Client, spec, TimeSpan.FromSeconds(2), CancellationToken.None));

        Assert.Contains(Image, error.Message, StringComparison.Ordinal);
        Assert.Contains("helper-image", error.Message, StringComparison.Ordinal);
        Assert.Contains("started", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ContainersMarkedAsync(marker));
    }

    [Fact]
    public async Task Run_Cancelled_RemovesTheContainer()
    {
        var marker = Guid.NewGuid().ToString("N");
        var spec = new SiblingContainerSpec(Image)
        {
            Entrypoint = ["sleep", "120"],
            Labels = new Dictionary<string, string>(engine.Labels) { ["tailpaste.sibling-test"] = marker },
        };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SiblingContainer.RunOnceAsync(engine.Client, spec, TimeSpan.FromSeconds(60), cancel.Token));

        Assert.Empty(await ContainersMarkedAsync(marker));
    }

    [Fact]
    public async Task Create_WithAnImageNoOneHas_SaysSoNamingTheImageAndWhatChoseIt()
    {
        var image = $"tailpaste/no-such-image-{Guid.NewGuid():N}:never";

        var error = await Assert.ThrowsAsync<ImageUnavailableException>(() => SiblingContainer.CreateAsync(
            engine.Client,
            new SiblingContainerSpec(image) { ImageSource = "helper-image", Labels = engine.Labels },
            CancellationToken.None));

        Assert.Contains(image, error.Message, StringComparison.Ordinal);
        Assert.Contains("(helper-image)", error.Message, StringComparison.Ordinal);
        Assert.Equal(("helper-image", image), (error.ImageSource, error.Image));
    }

    private async Task<IList<ContainerListResponse>> ContainersMarkedAsync(string marker) =>
        await engine.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"tailpaste.sibling-test={marker}"] = true } },
        });

    private async Task WaitForFileAsync(string containerId, string path)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await ContainerFileCopy.StatAsync(engine.Client, containerId, path, CancellationToken.None) is not null)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{path} never appeared in {containerId}");
    }
}
