using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.BackupRestore.Engine;

/// <summary>
/// The service container and where its database lives: the folder (storage-path, else the container's
/// STORAGE_PATH, else /data) must be on one of its volumes or bind mounts, or the data would not outlive the
/// container and a helper could not reach it; pastes.db must be a regular file there, asked of the engine
/// without copying anything.
/// </summary>
public sealed record ServiceLocation(ContainerInspectResponse Container, string StoragePath, string StoragePathSource)
{
    public const string DefaultStoragePath = "/data";

    public string Name => Container.Name.TrimStart('/');

    public string DatabasePath => $"{StoragePath}/{BackupManifest.DatabaseFile}";

    /// <summary>The container by name or id; bad input naming container-name when the engine does not know it.</summary>
    public static async Task<ContainerInspectResponse> FindContainerAsync(IDockerClient docker, string name, string engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        return await docker.Containers.InspectOrNullAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException("container-name", name, $"a container the engine at {engine} knows; there is none of that name or id");
    }

    public static async Task<ServiceLocation> LocateAsync(IDockerClient docker, ContainerInspectResponse container, string? storagePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(container);
        var (path, source) = storagePath is not null ? (storagePath, "storage-path")
            : FromEnv(container) is { } variable ? (variable, $"the container's STORAGE_PATH")
            : (DefaultStoragePath, "the default");
        var name = container.Name.TrimStart('/');
        var mounts = container.Mounts ?? [];
        if (!mounts.Any(m => path == m.Destination || path.StartsWith(m.Destination.TrimEnd('/') + "/", StringComparison.Ordinal)))
        {
            var destinations = mounts.Count == 0 ? "it has none" : "it has " + string.Join(", ", mounts.Select(m => m.Destination));
            throw new InputException("storage-path", path, $"the folder of pastes.db on a volume or bind mount of {name} (from {source}); {destinations}");
        }

        var location = new ServiceLocation(container, path, source);
        var entry = await ContainerFileCopy.StatAsync(docker, container.ID, location.DatabasePath, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            throw new InputException("storage-path", path, $"the folder of pastes.db in {name} (from {source}), but there is no database at {location.DatabasePath}");
        }

        return entry.Value.IsRegularFile
            ? location
            : throw new InputException("storage-path", path, $"the folder of pastes.db in {name}, but {location.DatabasePath} is {entry.Value.Kind}");
    }

    private static string? FromEnv(ContainerInspectResponse container) =>
        (container.Config?.Env ?? [])
            .Where(e => e.StartsWith("STORAGE_PATH=", StringComparison.Ordinal))
            .Select(e => e["STORAGE_PATH=".Length..].TrimEnd('/'))
            .LastOrDefault(v => v.StartsWith('/'));
}
