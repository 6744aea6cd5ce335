using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// Reads the facts a restore must match (page size, journal mode, schema version) and the content in brief
/// (rows, newest paste) from an open connection, and runs the integrity check.
/// </summary>
public static class DatabaseInspector
{
    /// <summary>Lines of a failed integrity check that are kept; SQLite can report thousands.</summary>
    public const int MaxIntegrityLines = 20;

    public static DatabaseFacts Inspect(SqliteConnection connection, string file, bool integrityCheck, string? method = null, double? copyMs = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var version = (string)SqliteConnections.Scalar(connection, "SELECT sqlite_version();")!;
        var pageSize = Convert.ToInt64(SqliteConnections.Scalar(connection, "PRAGMA page_size;"), CultureInfo.InvariantCulture);
        var pageCount = Convert.ToInt64(SqliteConnections.Scalar(connection, "PRAGMA page_count;"), CultureInfo.InvariantCulture);
        var schemaVersion = Convert.ToInt64(SqliteConnections.Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        var schema = (string?)SqliteConnections.Scalar(connection, "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10)) FROM (SELECT type, name, sql FROM sqlite_master ORDER BY type, name);") ?? string.Empty;
        long? rows = null;
        string? newest = null;
        if (Convert.ToInt64(SqliteConnections.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'pastes';"), CultureInfo.InvariantCulture) > 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*), max(created_at) FROM pastes;";
            using var reader = command.ExecuteReader();
            reader.Read();
            rows = reader.GetInt64(0);
            newest = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return new DatabaseFacts(
            method,
            version,
            pageSize,
            pageCount,
            JournalMode(file),
            schemaVersion,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema))),
            rows,
            newest,
            integrityCheck ? IntegrityCheck(connection) : null,
            copyMs);
    }

    /// <summary><c>ok</c>, or the first lines of what PRAGMA integrity_check found.</summary>
    public static string IntegrityCheck(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA integrity_check({MaxIntegrityLines});";
        command.CommandTimeout = 0;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    /// <summary>
    /// wal or rollback, from bytes 18 and 19 of the file's header (the read and write format versions): the mode
    /// is a property of the file, and asking PRAGMA journal_mode on a read-only or immutable connection would
    /// not say it reliably.
    /// </summary>
    public static string JournalMode(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[20];
        stream.ReadExactly(header);
        return header[18] == 2 && header[19] == 2 ? "wal" : "rollback";
    }
}
