using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Shared.Tests.Docker;

/// <summary>Files out of and into a container through the archive API: kinds and sizes asked first, limits kept, links never followed.</summary>
[Trait("Category", "Docker")]
public sealed class ContainerFileCopyTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-copy-test-").FullName;

    [Fact]
    public async Task Stat_TellsKindsAndSizes_WithoutReadingOrFollowing()
    {
        var id = await ContainerWithFilesAsync();

        var file = await ContainerFileCopy.StatAsync(engine.Client, id, "/files/data.bin", CancellationToken.None);
        var folder = await ContainerFileCopy.StatAsync(engine.Client, id, "/files", CancellationToken.None);
        var link = await ContainerFileCopy.StatAsync(engine.Client, id, "/files/link", CancellationToken.None);
        var missing = await ContainerFileCopy.StatAsync(engine.Client, id, "/files/none", CancellationToken.None);

        Assert.Equal((1000L, true, "a regular file"), (file!.Value.Size, file.Value.IsRegularFile, file.Value.Kind));
        Assert.Equal("a folder", folder!.Value.Kind);
        Assert.Equal(("a symbolic link", "/etc/passwd"), (link!.Value.Kind, link.Value.LinkTarget));
        Assert.Null(missing);
    }

    [Fact]
    public async Task CopyOut_OverTheLimit_Throws_AndLeavesNothing_ALinkIsNotCopied()
    {
        var id = await ContainerWithFilesAsync();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ContainerFileCopy.CopyOutAsync(engine.Client, id, "/files/data.bin", _folder, 999, CancellationToken.None));
        var viaLink = await ContainerFileCopy.CopyOutAsync(engine.Client, id, "/files/link", _folder, 1_000_000, CancellationToken.None);

        Assert.Contains("/files/data.bin", error.Message, StringComparison.Ordinal);
        Assert.Null(viaLink);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task CopyIn_ThenOut_RoundTripsTheBytes()
    {
        var id = await ContainerWithFilesAsync();
        var local = Path.Combine(_folder, "source.bin");
        var bytes = new byte[70_000];
        Random.Shared.NextBytes(bytes);
        await File.WriteAllBytesAsync(local, bytes);
        var back = Directory.CreateDirectory(Path.Combine(_folder, "back")).FullName;

        await ContainerFileCopy.CopyInAsync(engine.Client, id, local, "/files", "copied.bin", CancellationToken.None);
        var size = await ContainerFileCopy.CopyOutAsync(engine.Client, id, "/files/copied.bin", back, bytes.Length, CancellationToken.None);

        Assert.Equal(bytes.Length, size);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(back, "copied.bin")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> ContainerWithFilesAsync()
    {
        var id = await engine.RunContainerAsync(new DockerContainerSpec(DockerEngineSetup.RuntimeDepsImage)
        {
            Entrypoint = ["bash", "-c", "mkdir -p /files && head -c 1000 /dev/zero > /files/data.tmp && mv /files/data.tmp /files/data.bin && ln -s /etc/passwd /files/link && sleep 300"],
            NetworkMode = "none",
        });
        for (var i = 0; i < 100; i++)
        {
            if (await ContainerFileCopy.StatAsync(engine.Client, id, "/files/link", CancellationToken.None) is not null)
            {
                return id;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the test container never made its files");
    }
}
