using Tailpaste.Shared.IO;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// Puts a backup's database in place of the service's, with the service stopped, so that after a crash at any
/// moment the file is the old database or the new one, whole:
/// 1. the old database's WAL is checkpointed into it (and removed when the connection closes), so the old file
///    alone is complete; a database still in use is refused;
/// 2. the backup is copied beside it in the same folder (same volume, so the rename below is atomic), flushed,
///    and its SHA-256 compared with the manifest's;
/// 3. stale -wal, -shm and -journal files are removed (a WAL left beside the new file would be replayed into it);
/// 4. the copy is renamed over the database, and the folder flushed.
/// </summary>
public sealed class ReplaceOperation : IHelperOperation
{
    public const string OperationName = "replace";
    public const string TemporaryName = ".pastes.db.restoring";

    /// <summary>A step before which the helper can be told to wait forever, so tests can kill it there.</summary>
    public const string RenameStep = "rename";

    public string Name => OperationName;

    public async Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(log);
        var database = arguments.Required("database");
        var source = arguments.Required("source");
        var expected = arguments.Required("sha256");
        var folder = Path.GetDirectoryName(database)!;
        if (!StoreFiles.IsRealFolder(folder))
        {
            return HelperOutcome.BadInput($"the database folder {folder} is not a folder");
        }

        if (StoreFiles.Problem(source, source) is { } sourceProblem)
        {
            return HelperOutcome.Failed(sourceProblem);
        }

        var current = FileEntry.Of(database);
        if (current.Kind != FileKind.Missing && !current.IsRegularFile)
        {
            return HelperOutcome.BadInput($"{database} is {current.Kind.Describe()}, not a regular file; it is left as it is");
        }

        if (current.IsRegularFile && CheckpointIsBusy(database))
        {
            return HelperOutcome.Failed($"{database} is still in use by another process; stop the service first");
        }

        var temporary = Path.Combine(folder, TemporaryName);
        await log.WriteLineAsync($"copying {source} beside {database}").ConfigureAwait(false);
        var actual = await DurableFiles.CopyAsync(source, temporary, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(temporary);
            return HelperOutcome.Failed($"the copy's SHA-256 {actual} does not match the manifest's {expected}; {database} is left as it is");
        }

        if (arguments.Optional("pause-before") == RenameStep)
        {
            await log.WriteLineAsync("paused before rename").ConfigureAwait(false);
            await log.FlushAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            if (FileEntry.Of(database + suffix).IsRegularFile)
            {
                File.Delete(database + suffix);
            }
        }

        DurableFiles.FlushFolder(folder);
        File.Move(temporary, database, overwrite: true);
        DurableFiles.FlushFolder(folder);
        await log.WriteLineAsync($"replaced {database}").ConfigureAwait(false);
        return HelperOutcome.Ok(new ReplaceResult(database, new FileInfo(database).Length, actual));
    }

    /// <summary>Checkpoints the whole WAL into the database; true when another connection kept it from finishing.</summary>
    private static bool CheckpointIsBusy(string database)
    {
        using var connection = SqliteConnections.OpenLive(database, readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.GetInt64(0) != 0;
    }
}

public sealed record ReplaceResult(string Database, long Bytes, string Sha256);
