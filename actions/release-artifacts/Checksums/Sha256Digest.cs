using System.Buffers;
using System.Security.Cryptography;

namespace Tailpaste.ReleaseArtifacts.Checksums;

/// <summary>SHA-256 of a file read in 1 MiB blocks: memory stays flat whatever the file's size.</summary>
public static class Sha256Digest
{
    private const int BlockSize = 1 << 20;

    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return await OfStreamAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<string> OfStreamAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BlockSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
