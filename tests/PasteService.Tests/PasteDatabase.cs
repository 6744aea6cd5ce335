using Microsoft.Data.Sqlite;

namespace Tailpaste.PasteService.Tests;

/// <summary>Reads the service's SQLite file directly, the way an operator or a backup would.</summary>
internal static class PasteDatabase
{
    // No pooling: the test must not keep the file open after it looked.
    public static SqliteConnection Open(string databasePath, SqliteOpenMode mode = SqliteOpenMode.ReadOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = mode,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static long Scalar(string databasePath, string sql)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static long CountPastes(string databasePath) => Scalar(databasePath, "SELECT count(*) FROM pastes;");

    public static PasteRow? Find(string databasePath, string id)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, content, created_at, source_host, source_user FROM pastes WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new PasteRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4))
            : null;
    }
}
