using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// File work that survives a crash: flush a file to disk, flush a folder (so a new name or a rename in it is
/// on disk too), copy with a running SHA-256, and write a small file atomically (aside, flushed, renamed).
/// </summary>
public static class DurableFiles
{
    public static void Flush(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>fsync on the folder itself: the names it holds reach the disk.</summary>
    public static void FlushFolder(string folder)
    {
        var descriptor = Open(folder, 0);
        if (descriptor < 0)
        {
            throw new IOException($"{folder} cannot be opened to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"{folder} cannot be flushed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> (replaced if there), flushed; the copy's SHA-256 as lowercase hex.</summary>
    public static async Task<string> CopyAsync(string source, string target, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous))
        await using (var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
        {
            var buffer = new byte[1 << 20];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            output.Flush(flushToDisk: true);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(input, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Writes a small file so that it is either the old or the new one after a crash.</summary>
    public static async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            FlushFolder(folder);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // DllImport, not LibraryImport: generated marshalling source is not on disk, and coverlet then skips the assembly.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
