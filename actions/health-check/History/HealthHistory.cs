using System.Globalization;
using Microsoft.Data.Sqlite;
using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.History;

namespace Tailpaste.HealthCheck.History;

/// <summary>
/// A small SQLite file with one row per run: the overall status, the failed checks and whether the run
/// dispatched recovery. Reading the previous state and appending this run happen in one immediate
/// transaction, so two runs at the same moment cannot both think they are first to dispatch. The file is the
/// store the deploy action writes too (<see cref="HistorySchema"/>): its deploys and circuit breaker live beside
/// the runs, and recovery reads the breaker in the same transaction.
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

    public static HealthHistory Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        return new HealthHistory(HistoryStore.Open<SqliteConnection>(path), path);
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
        var breaker = await CircuitBreaker.ReadAsync(_connection, transaction, cancellationToken).ConfigureAwait(false);
        var state = previous with
        {
            Runs = previous.Runs + 1,
            ConsecutiveFailures = status == OverallStatus.Unhealthy ? previous.ConsecutiveFailures + 1 : 0,
            CircuitBreaker = breaker,
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

    /// <summary>
    /// The state before this run. The file may hold rows another version (or a person) wrote: a status that is
    /// none of the three is an unknown previous state and ends a streak of failures; a dispatch time in another
    /// ISO 8601 form is read as such, one that is no time at all counts as no dispatch. Each is a problem the
    /// caller reports, never a reason to stop.
    /// </summary>
    private async Task<HistoryState> ReadAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT
                (SELECT COUNT(*) FROM runs),
                (SELECT id FROM runs ORDER BY id DESC LIMIT 1),
                (SELECT CAST(status AS TEXT) FROM runs ORDER BY id DESC LIMIT 1),
                (SELECT COUNT(*) FROM runs WHERE status = 'unhealthy'
                    AND id > COALESCE((SELECT MAX(id) FROM runs WHERE status IS NOT 'unhealthy'), 0)),
                (SELECT id FROM runs WHERE recovery_dispatched = 1 ORDER BY id DESC LIMIT 1),
                (SELECT CAST(timestamp AS TEXT) FROM runs WHERE recovery_dispatched = 1 ORDER BY id DESC LIMIT 1);
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        OverallStatus? previous = null;
        if (!reader.IsDBNull(1))
        {
            var text = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
            previous = ParseStatus(text);
            if (previous is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"row {reader.GetInt64(1)} has the status '{Shorten(text)}', none of {string.Join(", ", Enum.GetValues<OverallStatus>().Select(StatusName))}; the previous state counts as unknown"));
            }
        }

        DateTimeOffset? lastDispatch = null;
        if (!reader.IsDBNull(4))
        {
            var text = reader.IsDBNull(5) ? string.Empty : reader.GetString(5);
            lastDispatch = ParseTime(text);
            if (lastDispatch is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"row {reader.GetInt64(4)} has the dispatch time '{Shorten(text)}', which is not a time; the cooldown counts as if no recovery had been dispatched"));
            }
        }

        return new HistoryState(reader.GetInt64(0), previous, (int)Math.Min(reader.GetInt64(3), int.MaxValue), lastDispatch) { Problems = problems };
    }

    private static OverallStatus? ParseStatus(string text) =>
        Enum.GetValues<OverallStatus>().Select(s => (OverallStatus?)s).FirstOrDefault(s => StatusName(s!.Value) == text);

    /// <summary>This action's own format first, then any ISO 8601 form (SQLite's <c>datetime()</c> writes <c>yyyy-MM-dd HH:mm:ss</c>), as UTC unless it says otherwise.</summary>
    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact) ? exact
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var other) ? other
        : null;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
}
