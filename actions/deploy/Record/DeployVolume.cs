using Docker.DotNet;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy.Record;

/// <summary>
/// The deploy volume (deploy record, proxy configuration), reached through a container that mounts it and is
/// created but never started: files go in and out through the archive API, so this works from a container
/// action and against a remote engine. The engine creates the volume on first use. Removed on dispose.
/// </summary>
public sealed class DeployVolume : IAsyncDisposable
{
    public const string MountPoint = "/tailpaste-deploy";

    /// <summary>No file of the deploy's own is anywhere near this; a larger one is not read.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private readonly IDockerClient _docker;
    private readonly SiblingContainer _holder;
    private readonly string _folder;

    private DeployVolume(IDockerClient docker, SiblingContainer holder, string name)
    {
        _docker = docker;
        _holder = holder;
        Name = name;
        _folder = Directory.CreateTempSubdirectory("tailpaste-deploy-volume-").FullName;
    }

    public string Name { get; }

    /// <param name="image">An image the engine has for the holder, which never runs (the image being deployed).</param>
    public static async Task<DeployVolume> OpenAsync(IDockerClient docker, string volume, string image, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var holder = await SiblingContainer.CreateAsync(
            docker,
            new SiblingContainerSpec(image) { ImageSource = "image", Entrypoint = ["true"], Labels = labels, Binds = [$"{volume}:{MountPoint}"] },
            cancellationToken).ConfigureAwait(false);
        return new DeployVolume(docker, holder, volume);
    }

    /// <summary>The bytes of a regular file at <paramref name="relativePath"/>; null when it is missing or not a regular file (a link is never followed).</summary>
    public async Task<byte[]?> ReadAsync(string relativePath, CancellationToken cancellationToken)
    {
        var path = $"{MountPoint}/{relativePath}";
        if (await ContainerFileCopy.StatAsync(_docker, _holder.Id, path, cancellationToken).ConfigureAwait(false) is not { IsRegularFile: true, Size: <= MaxFileBytes })
        {
            return null;
        }

        var target = Path.Combine(_folder, Path.GetFileName(path));
        File.Delete(target);
        try
        {
            return await ContainerFileCopy.CopyOutAsync(_docker, _holder.Id, path, _folder, MaxFileBytes, cancellationToken).ConfigureAwait(false) is null
                ? null
                : await File.ReadAllBytesAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            File.Delete(target);
        }
    }

    /// <summary>Writes <paramref name="content"/> at <paramref name="relativePath"/>, creating its folders, replacing any file of that name.</summary>
    public async Task WriteAsync(string relativePath, byte[] content, CancellationToken cancellationToken)
    {
        var local = Path.Combine(_folder, "upload");
        await File.WriteAllBytesAsync(local, content, cancellationToken).ConfigureAwait(false);
        try
        {
            await ContainerFileCopy.CopyInAsync(_docker, _holder.Id, local, MountPoint, relativePath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(local);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _holder.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
