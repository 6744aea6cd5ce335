using Docker.DotNet;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.IO;

namespace Tailpaste.HealthCheck.Database;

/// <summary>
/// Finds pastes.db and learns its size before anything reads it. When storage-path is a folder on this machine
/// (CLI use on the host) the file is read in place. Otherwise storage-path is the folder inside the service
/// container: the engine is asked for the files' kind and size (the archive API's stat), and only then are the
/// database and its WAL copied out into a private temp folder, never more bytes than the caller allows — a
/// container action sees no host path, and the engine may be remote. The -shm file is not copied: it is an
/// index SQLite rebuilds from the WAL, and a snapshot of another process's index is of no use to a copy.
/// Anything but a regular file (a link, a folder, a device) is refused, never followed.
/// </summary>
public static class DatabaseLocator
{
    public const string FileName = "pastes.db";
    public const string WalSuffix = "-wal";

    /// <summary>The size of the database in a local storage-path; null when storage-path is not a folder here.</summary>
    public static DatabaseSize? MeasureLocal(string storagePath)
    {
        ArgumentNullException.ThrowIfNull(storagePath);
        if (!Directory.Exists(storagePath))
        {
            return null;
        }

        var path = Path.Combine(storagePath, FileName);
        var database = FileEntry.Of(path);
        if (database.Kind == FileKind.Missing)
        {
            throw new FileNotFoundException($"there is no {FileName} in {storagePath}", path);
        }

        var wal = FileEntry.Of(path + WalSuffix);
        RequireRegular(path, database.Kind.Describe(), database.IsRegularFile);
        RequireRegular(path + WalSuffix, wal.Kind.Describe(), wal.IsRegularFile || wal.Kind == FileKind.Missing);
        return new DatabaseSize(path, database.Size, wal.IsRegularFile ? wal.Size : 0);
    }

    /// <summary>The size of the database inside the service container, asked of the engine without copying.</summary>
    public static async Task<DatabaseSize> MeasureInContainerAsync(IDockerClient docker, string containerId, string storagePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storagePath);
        var path = InContainer(storagePath);
        var database = await ContainerFileCopy.StatAsync(docker, containerId, path, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"there is no {path} in the service container");
        var wal = await ContainerFileCopy.StatAsync(docker, containerId, path + WalSuffix, cancellationToken).ConfigureAwait(false);
        RequireRegular(path, database.Kind, database.IsRegularFile);
        RequireRegular(path + WalSuffix, wal?.Kind ?? string.Empty, wal is null || wal.Value.IsRegularFile);
        return new DatabaseSize($"container:{path}", database.Size, wal?.Size ?? 0);
    }

    public static DatabaseFile OpenLocal(DatabaseSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        return new DatabaseFile(size.Source, size.Source, size.TotalBytes, IsCopy: false);
    }

    /// <summary>Copies the database and its WAL out of the container; more than <paramref name="maxBytes"/> together (the files grew since they were measured) is an <see cref="InvalidDataException"/>.</summary>
    public static async Task<DatabaseFile> CopyFromContainerAsync(IDockerClient docker, string containerId, string storagePath, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var folder = Directory.CreateTempSubdirectory("tailpaste-health-db-").FullName;
        try
        {
            var inContainer = InContainer(storagePath);
            var size = await ContainerFileCopy.CopyOutAsync(docker, containerId, inContainer, folder, maxBytes, cancellationToken).ConfigureAwait(false)
                ?? throw new FileNotFoundException($"there is no {inContainer} in the service container");
            size += await ContainerFileCopy.CopyOutAsync(docker, containerId, inContainer + WalSuffix, folder, maxBytes - size, cancellationToken).ConfigureAwait(false) ?? 0;
            return new DatabaseFile(Path.Combine(folder, FileName), $"container:{inContainer}", size, IsCopy: true);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private static string InContainer(string storagePath) => storagePath.TrimEnd('/') + "/" + FileName;

    private static void RequireRegular(string path, string kind, bool regular)
    {
        if (!regular)
        {
            throw new InvalidDataException($"{path} is {kind}, not a regular file; it is not read");
        }
    }
}
