namespace Tailpaste.ReleaseArtifacts.Checksums;

/// <summary>One line of a checksum file in the format <c>sha256sum -c</c> reads: hash, two spaces, file name.</summary>
public sealed record ChecksumLine(string Sha256, string FileName)
{
    public override string ToString()
    {
        // sha256sum escapes such names with a leading backslash; release artifacts never need it.
        if (FileName.Contains('\n', StringComparison.Ordinal) || FileName.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The file name '{FileName}' cannot appear in a checksum file unescaped.");
        }

        return $"{Sha256}  {FileName}\n";
    }
}
