using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests.Support;

/// <summary>
/// A test's own view into a backup volume (or a service's data volume): a never-started container that mounts
/// it, and files copied out and in through the archive API, as an attacker or a broken disk would change them.
/// </summary>
public sealed class StoreAccess : IAsyncDisposable
{
    public const string MountPoint = "/mnt/volume";

    private readonly DockerEngineFixture _engine;
    private readonly SiblingContainer _holder;
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-store-test-").FullName;

    private StoreAccess(DockerEngineFixture engine, SiblingContainer holder)
    {
        _engine = engine;
        _holder = holder;
    }

    public static async Task<StoreAccess> OpenAsync(DockerEngineFixture engine, string volume)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var holder = await SiblingContainer.CreateAsync(
            engine.Client,
            new SiblingContainerSpec(DockerEngineSetup.RuntimeDepsImage) { Entrypoint = ["true"], Labels = engine.Labels, Binds = [$"{volume}:{MountPoint}"] },
            CancellationToken.None);
        return new StoreAccess(engine, holder);
    }

    /// <summary>Copies <paramref name="relative"/> out into a fresh local folder; its local path.</summary>
    public async Task<string> CopyOutAsync(string relative)
    {
        var target = Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName;
        var size = await ContainerFileCopy.CopyOutAsync(_engine.Client, _holder.Id, $"{MountPoint}/{relative}", target, 4L * 1024 * 1024 * 1024, CancellationToken.None);
        Assert.True(size is not null, $"{relative} is not in the volume");
        return Path.Combine(target, Path.GetFileName(relative));
    }

    public async Task CopyInAsync(string localFile, string relative)
    {
        var folder = Path.GetDirectoryName(relative)!.Replace('\\', '/');
        await ContainerFileCopy.CopyInAsync(_engine.Client, _holder.Id, localFile, $"{MountPoint}/{folder}", Path.GetFileName(relative), CancellationToken.None);
    }

    public async Task<bool> ExistsAsync(string relative) =>
        await ContainerFileCopy.StatAsync(_engine.Client, _holder.Id, $"{MountPoint}/{relative}", CancellationToken.None) is not null;

    /// <summary>Flips one bit of the file, in the middle, as a bad disk would.</summary>
    public async Task FlipByteAsync(string relative)
    {
        var local = await CopyOutAsync(relative);
        var bytes = await File.ReadAllBytesAsync(local);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(local, bytes);
        await CopyInAsync(local, relative);
    }

    public static string BackupFile(string service, string id, string file = BackupManifest.DatabaseFile) => $"{service}/{id}/{file}";

    public async ValueTask DisposeAsync()
    {
        await _holder.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
