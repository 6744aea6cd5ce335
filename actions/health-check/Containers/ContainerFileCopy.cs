using System.Formats.Tar;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.HealthCheck.Containers;

/// <summary>
/// Copies single files out of and into a container through the Docker archive API (what <c>docker cp</c> uses).
/// It works on stopped and never-started containers too, and reaches their volumes, so it needs no host path
/// and works against a remote engine.
/// </summary>
public static class ContainerFileCopy
{
    /// <summary>Copies the regular file at <paramref name="path"/> into <paramref name="folder"/> (same name); its size, or null when it does not exist.</summary>
    public static async Task<long?> CopyOutAsync(IDockerClient docker, string containerId, string path, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
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

    /// <summary>Puts <paramref name="localFile"/> into the container's <paramref name="containerFolder"/> under <paramref name="name"/>, replacing any file of that name.</summary>
    public static async Task CopyInAsync(IDockerClient docker, string containerId, string localFile, string containerFolder, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        using var archive = new MemoryStream();
        await using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(localFile, name, cancellationToken).ConfigureAwait(false);
        }

        archive.Position = 0;
        await docker.Containers.ExtractArchiveToContainerAsync(containerId, new ContainerPathStatParameters { Path = containerFolder }, archive, cancellationToken).ConfigureAwait(false);
    }
}
