namespace Tailpaste.HealthCheck.Database;

/// <summary>
/// A pastes.db ready to open: the service's own file (read in place, read-only) or a copy taken out of the
/// service container (deleted on dispose).
/// </summary>
/// <param name="Path">The file to open.</param>
/// <param name="Source">Where it came from, for the report: a local path or container:path.</param>
/// <param name="SizeBytes">The database plus its write-ahead log, as the service sees them.</param>
/// <param name="IsCopy">True for a private copy, which may be opened read-write so SQLite can apply the WAL.</param>
public sealed record DatabaseFile(string Path, string Source, long SizeBytes, bool IsCopy) : IDisposable
{
    public void Dispose()
    {
        if (IsCopy)
        {
            var folder = System.IO.Path.GetDirectoryName(Path);
            if (folder is not null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
