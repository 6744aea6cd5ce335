using System.Data.Common;

namespace Tailpaste.Shared.History;

/// <summary>
/// The circuit breaker on automatic redeploys, kept in the history store (<c>circuit_breaker</c>), not in
/// repository variables, so the deploy action that opens it and health-check's recovery that obeys it read one
/// state. The thresholds are the seed's: 3 failed recoveries or 5 failed deploys in a row open it; a manual
/// deploy run closes it again.
/// </summary>
public static class CircuitBreaker
{
    /// <summary>Failed automatic redeploys in a row that open the breaker.</summary>
    public const int FailedRecoveries = 3;

    /// <summary>Failed deploys of any kind in a row that open the breaker.</summary>
    public const int FailedDeploys = 5;

    public const string Open = "open";
    public const string ClosedState = "closed";

    /// <summary>The state the last event says; closed when there is none (or the table is missing: an older file).</summary>
    public static async Task<CircuitBreakerState> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'circuit_breaker';";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return CircuitBreakerState.Closed;
        }

        command.CommandText = "SELECT CAST(state AS TEXT), CAST(timestamp AS TEXT), CAST(reason AS TEXT) FROM circuit_breaker ORDER BY id DESC LIMIT 1;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return CircuitBreakerState.Closed;
        }

        // Anything but "closed" counts as open: a row a person garbled must not let redeploys loop.
        var state = reader.IsDBNull(0) ? string.Empty : reader.GetString(0);
        var since = HistorySchema.ParseTime(reader.IsDBNull(1) ? null : reader.GetString(1));
        var reason = reader.IsDBNull(2) ? null : reader.GetString(2);
        return new CircuitBreakerState(state != ClosedState, since, reason);
    }

    /// <summary>Appends an event: <paramref name="open"/> true stops automatic redeploys, false allows them again.</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction? transaction, bool open, DateTimeOffset time, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO circuit_breaker (timestamp, state, reason, actor) VALUES ($t, $s, $r, $a);";
        Add(command, "$t", HistorySchema.FormatTime(time));
        Add(command, "$s", open ? Open : ClosedState);
        Add(command, "$r", reason);
        Add(command, "$a", actor);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
