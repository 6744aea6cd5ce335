using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tailpaste.HealthCheck.Database;

/// <summary>
/// Runs SQLite's integrity check and reads paste statistics. The service's own file is opened read-only
/// (in WAL mode a reader never blocks the service's writers); a private copy is opened read-write so SQLite
/// can apply the copied WAL.
/// </summary>
public static class DatabaseInspector
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static SqliteConnection Open(DatabaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = file.Path,
            Mode = file.IsCopy ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 5,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The problems <c>PRAGMA integrity_check</c> (or <c>quick_check</c>) reports; empty when the file is sound.</summary>
    public static IReadOnlyList<string> CheckIntegrity(SqliteConnection connection, bool quick, int maxProblems = 20)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA {(quick ? "quick_check" : "integrity_check")}({maxProblems});");
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines is ["ok"] ? [] : lines;
    }

    public static DatabaseStatistics ReadStatistics(SqliteConnection connection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*), MIN(created_at), MAX(created_at),
                   COALESCE(SUM(LENGTH(CAST(content AS BLOB))), 0),
                   COALESCE(SUM(CASE WHEN created_at >= $since THEN 1 ELSE 0 END), 0)
            FROM pastes;
            """;
        command.Parameters.AddWithValue("$since", now.AddHours(-24).UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new DatabaseStatistics(
            reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetInt64(3),
            reader.GetInt64(4));
    }
}
