namespace Tailpaste.Shared.IO;

/// <summary>
/// Replaces a file so that readers see the old content or the new, never a mix: write aside in the same
/// folder, flush to disk, then rename over the target. Only a regular file (or nothing) is ever replaced: a rename
/// over a device, pipe, socket, folder or link would swap out something that is not ours (as root, /dev/null).
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (FileEntry.Of(full).Kind is not (FileKind.Missing or FileKind.RegularFile) and var kind)
        {
            throw new IOException($"{full} is a {kind}, not a regular file; it is left as it is.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken = default) =>
        WriteAllBytesAsync(path, new System.Text.UTF8Encoding(false).GetBytes(content), cancellationToken);
}
