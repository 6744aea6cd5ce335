namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>
/// The 10-byte gzip member header (RFC 1952). A reproducible archive needs FLG = 0 (no file name, no comment),
/// MTIME = 0 and a fixed OS byte; zlib builds differ in the OS byte, so it is pinned to 3 (Unix) after writing.
/// </summary>
public static class GzipHeader
{
    public const int Length = 10;
    public const byte OperatingSystemUnix = 3;

    /// <summary>Pins the fields of one member's header that may vary between machines, and checks the rest.</summary>
    public static void Normalize(Span<byte> header)
    {
        if (header.Length < Length || header[0] != 0x1f || header[1] != 0x8b || header[2] != 8)
        {
            throw new InvalidDataException("The compressor did not write a deflate gzip header.");
        }

        if (header[3] != 0)
        {
            throw new InvalidDataException($"The gzip header has flags 0x{header[3]:x2}; a reproducible archive carries no name, comment or extra field.");
        }

        header[4] = header[5] = header[6] = header[7] = 0;
        header[9] = OperatingSystemUnix;
    }
}
