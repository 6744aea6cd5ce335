using System.Data.Common;
using Tailpaste.Shared.IO;

namespace Tailpaste.Shared.History;

/// <summary>
/// Whether a local file can serve as the service history (<see cref="HistorySchema"/>) before any action writes
/// it: a path where the file can be kept (no link, folder, device or pipe), and, when the file exists, a SQLite
/// file that holds only the history's tables and health-check's runs columns. Reads only, so checking inputs
/// changes nothing. Generic over the connection type so the shared code needs no SQLite package.
/// </summary>
public static class HistoryFile
{
    /// <summary>Why the file at <paramref name="fullPath"/> cannot serve as the history, or null when it can or does not exist yet.</summary>
    public static string? Problem<TConnection>(string fullPath)
        where TConnection : DbConnection, new()
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);

        // The file, its journal and the folder they are in are written at the end of the run: check them now.
        // A link is refused, never followed: the history is the actions' own file.
        if (WritableFilePath.Problem(fullPath) is { } problem)
        {
            return $"a path where the history file can be kept, but {problem}";
        }

        if (!FileEntry.Of(fullPath).IsRegularFile)
        {
            return null;
        }

        try
        {
            using var connection = new TConnection
            {
                ConnectionString = new DbConnectionStringBuilder { ["Data Source"] = fullPath, ["Mode"] = "ReadOnly", ["Pooling"] = false }.ConnectionString,
            };
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT group_concat(name, ', ') FROM sqlite_master WHERE type = 'table' AND name NOT IN ({string.Join(", ", HistorySchema.Tables.Select(t => $"'{t}'"))}, 'sqlite_sequence');";
            if (command.ExecuteScalar() is string others)
            {
                return $"a history file of this action, but it holds other tables ({others})";
            }

            command.CommandText = "SELECT group_concat(name, ', ') FROM pragma_table_info('runs');";
            return command.ExecuteScalar() is string columns && HistorySchema.RunColumns.Any(c => !columns.Split(", ").Contains(c))
                ? $"a history file of this action, but its runs table has other columns ({columns}; expected {string.Join(", ", HistorySchema.RunColumns)})"
                : null;
        }
        catch (DbException e)
        {
            return $"a SQLite history file ({e.Message})";
        }
    }
}
