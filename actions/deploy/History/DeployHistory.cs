using System.Globalization;
using Microsoft.Data.Sqlite;
using Tailpaste.Shared.History;

namespace Tailpaste.Deploy.History;

/// <summary>
/// The deploy action's side of the service history (<see cref="HistorySchema"/>, the store health-check writes its
/// runs to): it appends deploys, keeps the circuit breaker (<see cref="CircuitBreaker"/>), and computes the seed's
/// metrics from both tables. Each change is one immediate transaction.
/// </summary>
public sealed class DeployHistory : IDisposable
{
    private readonly SqliteConnection _connection;

    private DeployHistory(SqliteConnection connection)
    {
        _connection = connection;
    }

    public static DeployHistory Open(string path) => new(HistoryStore.Open<SqliteConnection>(path));

    public Task<CircuitBreakerState> BreakerAsync(CancellationToken cancellationToken) => CircuitBreaker.ReadAsync(_connection, null, cancellationToken);

    /// <summary>Closes an open breaker on behalf of <paramref name="actor"/> (a manual run).</summary>
    public Task ResetBreakerAsync(DateTimeOffset time, string actor, CancellationToken cancellationToken) =>
        CircuitBreaker.WriteAsync(_connection, null, open: false, time, $"reset by a manual deploy run of {actor}", actor, cancellationToken);

    /// <summary>Appends the deploy, then opens the breaker when the failures in a row since it last changed reach the thresholds; the breaker's state afterwards.</summary>
    public async Task<CircuitBreakerState> RecordAsync(DeployHistoryRow row, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
        await using (var insert = _connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO deploys (started_at, finished_at, service, strategy, triggered_by, image, previous_image, outcome, reason,
                    deploy_seconds, downtime_ms, cutover_at, cutover_error_rate, cutover_p95_ms, backup_id, run)
                VALUES ($started, $finished, $service, $strategy, $trigger, $image, $previous, $outcome, $reason,
                    $seconds, $downtime, $cutover, $rate, $p95, $backup, $run);
                """;
            insert.Parameters.AddWithValue("$started", HistorySchema.FormatTime(row.StartedAt));
            insert.Parameters.AddWithValue("$finished", HistorySchema.FormatTime(row.FinishedAt));
            insert.Parameters.AddWithValue("$service", row.Service);
            insert.Parameters.AddWithValue("$strategy", row.Strategy);
            insert.Parameters.AddWithValue("$trigger", row.Trigger);
            insert.Parameters.AddWithValue("$image", row.Image);
            insert.Parameters.AddWithValue("$previous", row.PreviousImage);
            insert.Parameters.AddWithValue("$outcome", row.Outcome);
            insert.Parameters.AddWithValue("$reason", row.Reason);
            insert.Parameters.AddWithValue("$seconds", row.DeploySeconds);
            insert.Parameters.AddWithValue("$downtime", (object?)row.DowntimeMs ?? DBNull.Value);
            insert.Parameters.AddWithValue("$cutover", row.CutoverAt is { } at ? HistorySchema.FormatTime(at) : DBNull.Value);
            insert.Parameters.AddWithValue("$rate", (object?)row.CutoverErrorRate ?? DBNull.Value);
            insert.Parameters.AddWithValue("$p95", (object?)row.CutoverP95Ms ?? DBNull.Value);
            insert.Parameters.AddWithValue("$backup", row.BackupId);
            insert.Parameters.AddWithValue("$run", row.Run);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var breaker = await CircuitBreaker.ReadAsync(_connection, transaction, cancellationToken).ConfigureAwait(false);
        if (!breaker.IsOpen && await TripReasonAsync(transaction, breaker.Since, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            await CircuitBreaker.WriteAsync(_connection, transaction, open: true, row.FinishedAt, reason, actor, cancellationToken).ConfigureAwait(false);
            breaker = new CircuitBreakerState(true, row.FinishedAt, reason);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return breaker;
    }

    public async Task<DeployMetrics> MetricsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = HistorySchema.FormatTime(now - TimeSpan.FromDays(DeployMetrics.Days));
        var rows = await DeploysAsync("WHERE started_at >= $since AND outcome <> 'refused' ORDER BY id", since, null, cancellationToken).ConfigureAwait(false);
        var durations = rows.Where(r => r.Outcome == "succeeded").Select(r => r.DeploySeconds).Order().ToList();
        var (checks, healthy, recoveries, mttr) = await HealthAsync(since, cancellationToken).ConfigureAwait(false);
        return new DeployMetrics
        {
            Deploys = rows.Count,
            Succeeded = rows.Count(r => r.Outcome == "succeeded"),
            Rollbacks = rows.Count(r => r.Outcome == "rolled-back"),
            MedianDeploySeconds = durations.Count == 0 ? null : Math.Round(durations.Count % 2 == 1 ? durations[durations.Count / 2] : (durations[(durations.Count / 2) - 1] + durations[durations.Count / 2]) / 2, 1),
            HealthChecks = checks,
            Availability = checks == 0 ? null : Math.Round((double)healthy / checks, 4),
            Recoveries = recoveries,
            MttrMinutes = mttr,
            Recent = rows.TakeLast(20).ToList(),
        };
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Why the breaker must open now: the failures in a row (newest first, since it last changed), or null.</summary>
    private async Task<string?> TripReasonAsync(SqliteTransaction transaction, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var rows = await DeploysAsync("WHERE outcome <> 'refused' AND ($since IS NULL OR finished_at > $since) ORDER BY id DESC LIMIT 50", since is { } s ? HistorySchema.FormatTime(s) : null, transaction, cancellationToken).ConfigureAwait(false);
        var failed = 0;
        var failedAutomatic = 0;
        foreach (var row in rows)
        {
            if (row.Outcome == "succeeded")
            {
                break;
            }

            failed++;
            if (row.Trigger == "automatic")
            {
                failedAutomatic++;
            }
        }

        return failedAutomatic >= CircuitBreaker.FailedRecoveries
            ? string.Create(CultureInfo.InvariantCulture, $"{failedAutomatic} failed automatic redeploys in a row")
            : failed >= CircuitBreaker.FailedDeploys
                ? string.Create(CultureInfo.InvariantCulture, $"{failed} failed deploys in a row")
                : null;
    }

    private async Task<List<DeployHistoryRow>> DeploysAsync(string where, string? since, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT started_at, finished_at, service, strategy, triggered_by, image, previous_image, outcome, reason,
                deploy_seconds, downtime_ms, cutover_at, cutover_error_rate, cutover_p95_ms, backup_id, run
            FROM deploys {where};
            """;
        command.Parameters.AddWithValue("$since", (object?)since ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<DeployHistoryRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string Text(int i) => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty;
            double? Number(int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
            rows.Add(new DeployHistoryRow
            {
                StartedAt = HistorySchema.ParseTime(Text(0)) ?? DateTimeOffset.MinValue,
                FinishedAt = HistorySchema.ParseTime(Text(1)) ?? DateTimeOffset.MinValue,
                Service = Text(2),
                Strategy = Text(3),
                Trigger = Text(4),
                Image = Text(5),
                PreviousImage = Text(6),
                Outcome = Text(7),
                Reason = Text(8),
                DeploySeconds = Number(9) ?? 0,
                DowntimeMs = Number(10),
                CutoverAt = HistorySchema.ParseTime(Text(11)),
                CutoverErrorRate = Number(12),
                CutoverP95Ms = Number(13),
                BackupId = Text(14),
                Run = Text(15),
            });
        }

        return rows;
    }

    /// <summary>From health-check's runs: checks, healthy ones, outages that ended, and their mean length in minutes.</summary>
    private async Task<(int Checks, int Healthy, int Recoveries, double? MttrMinutes)> HealthAsync(string since, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT CAST(timestamp AS TEXT), CAST(status AS TEXT) FROM runs WHERE timestamp >= $since ORDER BY id;";
        command.Parameters.AddWithValue("$since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        int checks = 0, healthy = 0;
        DateTimeOffset? down = null;
        var outages = new List<double>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var time = HistorySchema.ParseTime(reader.IsDBNull(0) ? null : reader.GetString(0));
            var status = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
            checks++;
            if (status == "healthy")
            {
                healthy++;
                if (down is { } start && time is { } end)
                {
                    outages.Add((end - start).TotalMinutes);
                }

                down = null;
            }
            else if (status == "unhealthy" && down is null)
            {
                down = time;
            }
        }

        return (checks, healthy, outages.Count, outages.Count == 0 ? null : Math.Round(outages.Average(), 1));
    }
}
