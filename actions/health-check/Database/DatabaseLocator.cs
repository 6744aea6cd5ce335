using System.Formats.Tar;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

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
            var size = await CopyFileAsync(docker, containerId, inContainer, folder, cancellationToken).ConfigureAwait(false)
                ?? throw new FileNotFoundException($"there is no {inContainer} in the service container");
            size += await CopyFileAsync(docker, containerId, inContainer + "-wal", folder, cancellationToken).ConfigureAwait(false) ?? 0;
            return new DatabaseFile(Path.Combine(folder, FileName), $"container:{inContainer}", size, IsCopy: true);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Copies one regular file out of the container; null when it does not exist.</summary>
    private static async Task<long?> CopyFileAsync(IDockerClient docker, string containerId, string path, string folder, CancellationToken cancellationToken)
    {
        GetArchiveFromContainerResponse archive;
        try
        {
            archive = await docker.Containers.GetArchiveFromContainerAsync(containerId, new GetArchiveFromContainerParameters { Path = path }, statOnly: false, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        // The archive is spooled to a file first: the engine's stream is read to its end in one go, and the
        // tar reader gets a seekable file instead of an HTTP stream.
        var tarPath = Path.Combine(folder, Path.GetFileName(path) + ".tar");
        await using (var stream = archive.Stream)
        await using (var spool = File.Create(tarPath))
        {
            await stream.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
        }

        long? size = null;
        await using (var tar = File.OpenRead(tarPath))
        await using (var reader = new TarReader(tar))
        {
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                // The archive of one file holds exactly that file; anything else (links, folders) is ignored.
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
                {
                    var target = Path.Combine(folder, Path.GetFileName(path));
                    await using (var output = File.Create(target))
                    {
                        await data.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                    }

                    size = new FileInfo(target).Length;
                }
            }
        }

        File.Delete(tarPath);
        return size;
    }
}
