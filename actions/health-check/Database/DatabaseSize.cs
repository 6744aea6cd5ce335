using System.Globalization;

namespace Tailpaste.HealthCheck.Database;

/// <summary>The size of pastes.db and its write-ahead log as the service sees them, learnt before anything is read or copied.</summary>
/// <param name="Source">Where the files are, for the report: a local path or container:path.</param>
/// <param name="DatabaseBytes">pastes.db.</param>
/// <param name="WalBytes">pastes.db-wal; 0 when there is none.</param>
public sealed record DatabaseSize(string Source, long DatabaseBytes, long WalBytes)
{
    public const double BytesPerMb = 1024.0 * 1024.0;

    public long TotalBytes => DatabaseBytes + WalBytes;

    public double TotalMb => TotalBytes / BytesPerMb;

    /// <summary>"12.3 MB (pastes.db 12.0 MB + WAL 0.3 MB)", for messages.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{TotalMb:0.0} MB (pastes.db {DatabaseBytes / BytesPerMb:0.0} MB + WAL {WalBytes / BytesPerMb:0.0} MB)");
}
