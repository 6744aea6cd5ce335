using Microsoft.Data.Sqlite;

namespace Tailpaste.BackupRestore.Tests.Support;

/// <summary>Reads a database file copied out of a volume: its ids, its integrity.</summary>
public static class BackupDatabase
{
    public static HashSet<string> Ids(string file)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM pastes;";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public static string IntegrityCheck(string file)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
