using System.Globalization;
using Microsoft.Data.Sqlite;
using Tailpaste.HealthCheck.Reporting;

namespace Tailpaste.HealthCheck.History;

/// <summary>
/// A small SQLite file with one row per run: the overall status, the failed checks and whether the run
/// dispatched recovery. Reading the previous state and appending this run happen in one immediate
/// transaction, so two runs at the same moment cannot both think they are first to dispatch.
/// </summary>
public sealed class HealthHistory : IDisposable
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private readonly SqliteConnection _connection;

    private HealthHistory(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>
    /// Why an existing file cannot serve as the history (not SQLite, or a SQLite file with other tables), or
    /// null when it can or does not exist yet. Reads only, so checking inputs changes nothing.
    /// </summary>
    public static string? Problem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return Directory.Exists(path) ? "a file, not a folder" : null;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT group_concat(name, ', ') FROM sqlite_master WHERE type = 'table' AND name NOT IN ('runs', 'sqlite_sequence');";
            return command.ExecuteScalar() is string others ? $"a history file of this action, but it holds other tables ({others})" : null;
        }
        catch (SqliteException e)
        {
            return $"a SQLite history file ({e.Message})";
        }
    }

    public static HealthHistory Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA busy_timeout=30000;
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                timestamp TEXT NOT NULL,
                status TEXT NOT NULL,
                failed_checks TEXT NOT NULL,
                recovery_dispatched INTEGER NOT NULL DEFAULT 0
            );
            """;
        create.ExecuteNonQuery();
        return new HealthHistory(connection, path);
    }

    /// <summary>
    /// Records this run. <paramref name="decide"/> sees the state before it (inside the transaction) and says
    /// whether this run dispatches recovery, which is stored with the row.
    /// </summary>
    public async Task<HistoryState> RecordAsync(
        DateTimeOffset timestamp,
        OverallStatus status,
        IReadOnlyList<string> failedChecks,
        Func<HistoryState, Task<bool>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
        var previous = await ReadAsync(transaction, cancellationToken).ConfigureAwait(false);
        var state = previous with
        {
            Runs = previous.Runs + 1,
            ConsecutiveFailures = status == OverallStatus.Unhealthy ? previous.ConsecutiveFailures + 1 : 0,
        };
        var dispatched = await decide(state).ConfigureAwait(false);
        await using (var insert = _connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO runs (timestamp, status, failed_checks, recovery_dispatched) VALUES ($t, $s, $f, $d);";
            insert.Parameters.AddWithValue("$t", Format(timestamp));
            insert.Parameters.AddWithValue("$s", StatusName(status));
            insert.Parameters.AddWithValue("$f", string.Join(',', failedChecks));
            insert.Parameters.AddWithValue("$d", dispatched ? 1 : 0);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return dispatched ? state with { LastDispatchedAt = timestamp } : state;
    }

    public void Dispose() => _connection.Dispose();

    public static string StatusName(OverallStatus status) => status.ToString().ToLowerInvariant();

    private async Task<HistoryState> ReadAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT
                (SELECT COUNT(*) FROM runs),
                (SELECT status FROM runs ORDER BY id DESC LIMIT 1),
                (SELECT COUNT(*) FROM runs WHERE status = 'unhealthy'
                    AND id > COALESCE((SELECT MAX(id) FROM runs WHERE status <> 'unhealthy'), 0)),
                (SELECT MAX(timestamp) FROM runs WHERE recovery_dispatched = 1);
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new HistoryState(
            reader.GetInt64(0),
            reader.IsDBNull(1) ? null : Enum.Parse<OverallStatus>(reader.GetString(1), ignoreCase: true),
            reader.GetInt32(2),
            reader.IsDBNull(3) ? null : DateTimeOffset.ParseExact(reader.GetString(3), TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
}
