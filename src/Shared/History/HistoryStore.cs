using System.Data.Common;

namespace Tailpaste.Shared.History;

/// <summary>
/// Opens the service history file (<see cref="HistorySchema"/>) the way every action that writes it must: created
/// when missing, no pooled handle left open on a file in a volume, a 30 s wait for the lock another action's write
/// holds, and every table present. Generic over the connection type so the shared code needs no SQLite package.
/// </summary>
public static class HistoryStore
{
    private const int BusyTimeoutSeconds = 30;

    public static TConnection Open<TConnection>(string path)
        where TConnection : DbConnection, new()
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var connection = new TConnection
        {
            ConnectionString = new DbConnectionStringBuilder
            {
                ["Data Source"] = path,
                ["Mode"] = "ReadWriteCreate",
                ["Pooling"] = false,
                ["Default Timeout"] = BusyTimeoutSeconds,
            }.ConnectionString,
        };
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA busy_timeout={BusyTimeoutSeconds * 1000};";
                pragma.ExecuteNonQuery();
            }

            HistorySchema.Create(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
