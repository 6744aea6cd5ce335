using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tailpaste.PasteService;

/// <summary>
/// The pastes table in one SQLite file. WAL mode lets readers run while a writer commits;
/// the busy timeout makes concurrent writers wait their turn instead of failing.
/// </summary>
public sealed class PasteStore
{
    /// <summary>How long a writer waits for the write lock before SQLite reports "database is locked".</summary>
    public const int BusyTimeoutMs = 10_000;

    // SQLITE_CONSTRAINT_PRIMARYKEY: the extended result code for a duplicate id.
    private const int SqliteConstraintPrimaryKey = 1555;

    // ISO-8601 UTC with milliseconds: sortable as text and understood by SQLite's date functions.
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private readonly string _connectionString;

    public PasteStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Creates the table if it is missing and switches the file to WAL (a setting stored in the file).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for {DatabasePath} (journal_mode is {mode}).");
            }
        }

        await using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE TABLE IF NOT EXISTS pastes (
                id TEXT PRIMARY KEY,
                content TEXT NOT NULL,
                created_at TIMESTAMP NOT NULL,
                source_host TEXT NOT NULL,
                source_user TEXT NOT NULL
            );
            """;
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Inserts the paste; false when its id is already taken (the caller draws a new one).</summary>
    public async Task<bool> TryInsertAsync(Paste paste, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paste);
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO pastes (id, content, created_at, source_host, source_user)
            VALUES ($id, $content, $createdAt, $sourceHost, $sourceUser);
            """;
        insert.Parameters.AddWithValue("$id", paste.Id);
        insert.Parameters.AddWithValue("$content", paste.Content);
        insert.Parameters.AddWithValue("$createdAt", FormatTimestamp(paste.CreatedAt));
        insert.Parameters.AddWithValue("$sourceHost", paste.SourceHost);
        insert.Parameters.AddWithValue("$sourceUser", paste.SourceUser);
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
        {
            return false;
        }
    }

    public async Task<Paste?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT id, content, created_at, source_host, source_user
            FROM pastes WHERE id = $id;
            """;
        select.Parameters.AddWithValue("$id", id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Paste(
            reader.GetString(0),
            reader.GetString(1),
            DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            reader.GetString(3),
            reader.GetString(4));
    }

    /// <summary>A real read of the pastes table: throws when the database cannot answer.</summary>
    public async Task CheckReadableAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT count(*) FROM (SELECT 1 FROM pastes LIMIT 1);";
        await probe.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Closes pooled connections so SQLite checkpoints the WAL into the main file on shutdown.</summary>
    public static void ReleaseConnections() => SqliteConnection.ClearAllPools();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var busy = connection.CreateCommand();
            busy.CommandText = $"PRAGMA busy_timeout={BusyTimeoutMs};";
            await busy.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
}
