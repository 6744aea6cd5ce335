using System.Buffers;
using System.Security.Cryptography;

namespace Tailpaste.ReleaseArtifacts.Checksums;

/// <summary>
/// SHA-256 of a file read in 4 MiB blocks: memory stays flat (two blocks, 8 MiB) whatever the file's size.
/// The next block is read while the current one is hashed, so reading costs no hashing time; the hash itself
/// is OpenSSL's (IncrementalHash on Linux), which uses the CPU's SHA instructions.
/// </summary>
public static class Sha256Digest
{
    private const int BlockSize = 1 << 22;

    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return await OfStreamAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<string> OfStreamAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var current = ArrayPool<byte>.Shared.Rent(BlockSize);
        var next = ArrayPool<byte>.Shared.Rent(BlockSize);
        ValueTask<int> pending = default;
        var reading = false;
        try
        {
            pending = stream.ReadAsync(current.AsMemory(0, BlockSize), cancellationToken);
            reading = true;
            int read;
            while ((read = await pending.ConfigureAwait(false)) > 0)
            {
                reading = false;
                pending = stream.ReadAsync(next.AsMemory(0, BlockSize), cancellationToken);
                reading = true;
                hash.AppendData(current, 0, read);
                (current, next) = (next, current);
            }

            reading = false;
        }
        finally
        {
            // A read still in flight (after an exception) must finish before its buffer goes back to the pool.
            if (reading)
            {
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                }
            }

            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
