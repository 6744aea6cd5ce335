using Microsoft.Data.Sqlite;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// How the helper opens SQLite files. A live database (the service's, in use) is opened with SQLite's normal
/// locking, which works across containers on one host: they share the kernel and the -shm file. A backup copy is
/// ours alone and never written again, so it is opened immutable: no lock, no -wal or -shm beside it.
/// No pooling: a closed connection really closes, which lets SQLite checkpoint and remove its WAL.
/// </summary>
public static class SqliteConnections
{
    /// <summary>How long a statement waits for a lock another connection holds before it fails.</summary>
    public const int BusyTimeoutMs = 10_000;

    public static SqliteConnection OpenLive(string path, bool readOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Uri(path),
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout={BusyTimeoutMs};");
        return connection;
    }

    public static SqliteConnection OpenCopy(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = ImmutableUri(path),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static SqliteConnection Create(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>A <c>file:</c> URI with <c>immutable=1</c>, for a file nothing writes.</summary>
    public static string ImmutableUri(string path) => Uri(path) + "?immutable=1";

    /// <summary>
    /// A <c>file:</c> URI (every byte outside the unreserved set escaped), so a path can never be read as URI
    /// parameters, and the connection accepts URIs in ATTACH too.
    /// </summary>
    public static string Uri(string path) => "file:" + System.Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal);

    public static void Execute(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Only the helper's own constant statements come here.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Only the helper's own constant statements come here.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command.ExecuteScalar();
    }
}
