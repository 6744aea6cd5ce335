namespace Tailpaste.Shared.Http;

/// <summary>Reads at most a given number of bytes from a stream, and says whether there was more.</summary>
public static class BoundedBodyReader
{
    /// <summary>Reads up to <paramref name="maxBytes"/> bytes; truncated is true when at least one more byte was available.</summary>
    public static async Task<(byte[] Bytes, bool Truncated)> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);

        // One byte past the cap tells "exactly the cap" from "more than the cap" without reading further.
        var buffer = new byte[maxBytes + 1];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        var truncated = filled > maxBytes;
        return (buffer.AsSpan(0, Math.Min(filled, maxBytes)).ToArray(), truncated);
    }
}
