using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// A consistent copy of a database another process keeps writing. Both methods read from one snapshot (one
/// read transaction), which in WAL mode never blocks the writer; the backup API is run in a single step, so
/// a write from another connection cannot make it start over as a step-by-step backup would.
/// </summary>
public static class SqliteCopy
{
    /// <summary>Copies <paramref name="source"/> to the new file <paramref name="target"/>, flushed to disk; the time it took.</summary>
    public static async Task<TimeSpan> CopyAsync(string source, string target, string method)
    {
        var clock = Stopwatch.StartNew();
        await using (WritebackPacer.Start(target))
        {
            CopyOnce(source, target, method);
        }

        SqliteConnection.ClearAllPools();
        DurableFiles.Flush(target);
        return clock.Elapsed;
    }

    private static void CopyOnce(string source, string target, string method)
    {
        using (var from = SqliteConnections.OpenLive(source, readOnly: true))
        {
            switch (method)
            {
                case CopyMethod.BackupApi:
                    using (var to = SqliteConnections.Create(target))
                    {
                        from.BackupDatabase(to);
                    }

                    break;
                case CopyMethod.VacuumInto:
                    using (var command = from.CreateCommand())
                    {
                        command.CommandText = "VACUUM INTO $target;";
                        command.Parameters.AddWithValue("$target", target);
                        command.CommandTimeout = 0;
                        command.ExecuteNonQuery();
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(method), method, "backup-api or vacuum-into");
            }
        }
    }
}
