using Microsoft.Data.Sqlite;

namespace Tailpaste.BackupRestore.Tests.Helper;

/// <summary>A Tailpaste database on local disk (the sample's schema, WAL mode) and a writer that keeps inserting into it.</summary>
public static class LocalDatabase
{
    public static void Create(string path, int rows)
    {
        using var connection = Open(path);
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "CREATE TABLE IF NOT EXISTS pastes (id TEXT PRIMARY KEY, content TEXT NOT NULL, created_at TIMESTAMP NOT NULL, source_host TEXT NOT NULL, source_user TEXT NOT NULL);");
        Insert(connection, "seed", rows);
    }

    public static void Insert(SqliteConnection connection, string prefix, int rows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO pastes VALUES ($id, $content, $created, '127.0.0.1', 'anonymous');";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var content = insert.Parameters.Add("$content", SqliteType.Text);
        var created = insert.Parameters.Add("$created", SqliteType.Text);
        for (var i = 0; i < rows; i++)
        {
            id.Value = $"{prefix}-{Guid.NewGuid():N}";
            content.Value = new string('x', 500) + i;
            created.Value = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=10000;");
        return connection;
    }

    public static long Count(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pastes;";
        return (long)command.ExecuteScalar()!;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
