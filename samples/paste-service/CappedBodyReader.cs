namespace Tailpaste.PasteService;

/// <summary>
/// Reads a request body into memory, but never more than the cap plus one byte: a body that
/// declares or turns out to be larger is reported as too large without reading the rest.
/// </summary>
public static class CappedBodyReader
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<CappedBody> ReadAsync(
        Stream body,
        long? declaredLength,
        int maxBytes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (declaredLength > maxBytes)
        {
            return CappedBody.TooLarge;
        }

        var initialCapacity = (int)Math.Min(declaredLength ?? ChunkSize, maxBytes + 1L);
        using var buffer = new MemoryStream(initialCapacity);
        var chunk = new byte[ChunkSize];
        while (true)
        {
            // Ask for at most one byte past the cap: that byte alone proves the body is too large.
            var wanted = (int)Math.Min(chunk.Length, maxBytes + 1L - buffer.Length);
            var read = await body.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                return CappedBody.Of(buffer.ToArray());
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return CappedBody.TooLarge;
            }
        }
    }
}
