using Docker.DotNet;
using Tailpaste.HealthCheck.Containers;

namespace Tailpaste.HealthCheck.Database;

/// <summary>
/// Finds pastes.db. When storage-path is a folder on this machine (CLI use on the host) the file is read in
/// place. Otherwise storage-path is the folder inside the service container, and the database and its WAL
/// are copied out through the Docker archive API into a private temp folder: a container action sees no
/// host path, and the engine may be remote. The -shm file is not copied: it is an index SQLite rebuilds
/// from the WAL, and a snapshot of another process's index is of no use to a copy.
/// </summary>
public static class DatabaseLocator
{
    public const string FileName = "pastes.db";

    public static DatabaseFile? FindLocal(string storagePath)
    {
        ArgumentNullException.ThrowIfNull(storagePath);
        if (!Directory.Exists(storagePath))
        {
            return null;
        }

        var path = Path.Combine(storagePath, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"there is no {FileName} in {storagePath}", path);
        }

        var wal = new FileInfo(path + "-wal");
        return new DatabaseFile(path, path, new FileInfo(path).Length + (wal.Exists ? wal.Length : 0), IsCopy: false);
    }

    public static async Task<DatabaseFile> CopyFromContainerAsync(IDockerClient docker, string containerId, string storagePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var folder = Directory.CreateTempSubdirectory("tailpaste-health-db-").FullName;
        try
        {
            var inContainer = storagePath.TrimEnd('/') + "/" + FileName;
            var size = await ContainerFileCopy.CopyOutAsync(docker, containerId, inContainer, folder, cancellationToken).ConfigureAwait(false)
                ?? throw new FileNotFoundException($"there is no {inContainer} in the service container");
            size += await ContainerFileCopy.CopyOutAsync(docker, containerId, inContainer + "-wal", folder, cancellationToken).ConfigureAwait(false) ?? 0;
            return new DatabaseFile(Path.Combine(folder, FileName), $"container:{inContainer}", size, IsCopy: true);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }
}
