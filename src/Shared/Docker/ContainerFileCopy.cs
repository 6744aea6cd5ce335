using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Reads single files out of and puts them into a container through the Docker archive API (what <c>docker cp</c>
/// uses). It works on stopped and never-started containers too, and reaches their volumes, so it needs no host
/// path and works against a remote engine. A file's kind and size are asked first (<see cref="StatAsync"/>);
/// a copy reads the archive as it streams in and stops at a byte limit, so no more than that ever reaches disk.
/// </summary>
public static class ContainerFileCopy
{
    /// <summary>Kind and size of <paramref name="path"/> without its content; null when it does not exist.</summary>
    public static async Task<ContainerPathEntry?> StatAsync(IDockerClient docker, string containerId, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var answer = await EngineLookups.NullWhenMissingAsync(() => docker.Containers.GetArchiveFromContainerAsync(containerId, new ContainerPathStatParameters { Path = path }, statOnly: true, cancellationToken)).ConfigureAwait(false);
        return answer is null ? null : ContainerPathEntry.From(path, answer.Stat);
    }

    /// <summary>
    /// Copies the regular file at <paramref name="path"/> into <paramref name="folder"/> (same name); its size, or
    /// null when it does not exist or is not a regular file. More than <paramref name="maxBytes"/> is an
    /// <see cref="InvalidDataException"/>, and the part written is deleted.
    /// </summary>
    public static async Task<long?> CopyOutAsync(IDockerClient docker, string containerId, string path, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var archive = await EngineLookups.NullWhenMissingAsync(() => docker.Containers.GetArchiveFromContainerAsync(containerId, new ContainerPathStatParameters { Path = path }, statOnly: false, cancellationToken)).ConfigureAwait(false);
        if (archive is null)
        {
            return null;
        }

        // A copy (not statOnly) always has a stream; none reads as an empty archive.
        await using var stream = archive.Stream ?? Stream.Null;
        if (archive.Stat is { } stat && stat.Size > maxBytes)
        {
            throw TooLarge(path, stat.Size, maxBytes);
        }

        // Docker.DotNet's chunked response stream throws EndOfStreamException for a read of zero bytes, which the
        // tar reader makes at the end of an entry; a buffer in between asks it only for whole buffers.
        await using var buffered = new BufferedStream(stream, 81920);
        await using var reader = new TarReader(buffered);

        // The archive of one file holds exactly that file; anything else (a link, a folder) is not copied.
        if (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is not { EntryType: TarEntryType.RegularFile or TarEntryType.V7RegularFile, DataStream: { } data } entry)
        {
            return null;
        }

        if (entry.Length > maxBytes)
        {
            throw TooLarge(path, entry.Length, maxBytes);
        }

        var target = Path.Combine(folder, Path.GetFileName(path));
        try
        {
            await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            await CopyBoundedAsync(data, output, maxBytes, path, cancellationToken).ConfigureAwait(false);
            return output.Length;
        }
        catch
        {
            File.Delete(target);
            throw;
        }
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
        await docker.Containers.ExtractArchiveToContainerAsync(containerId, new CopyToContainerParameters { Path = containerFolder }, archive, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyBoundedAsync(Stream source, Stream target, long maxBytes, string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw TooLarge(path, total, maxBytes);
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    private static InvalidDataException TooLarge(string path, long size, long maxBytes) =>
        new(FormattableString.Invariant($"{path} is {size} bytes or more, over the {maxBytes} bytes this copy may take; it was not copied"));
}
