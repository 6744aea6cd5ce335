using System.Data.Common;
using System.Globalization;

namespace Tailpaste.Shared.History;

/// <summary>
/// The one service history store (a small SQLite file, usually in a Docker volume) that the health-check and
/// deploy actions share, and its tables: <c>runs</c> (one row per health check, health-check's own), <c>deploys</c>
/// (one row per deploy or rollback) and <c>circuit_breaker</c> (each time automatic redeploys were stopped or
/// allowed again). Every table is created when missing and never altered, so a file an older health-check wrote
/// is read and extended as it is. Written against <see cref="DbConnection"/>, so the shared code needs no SQLite
/// package; both actions open the file with Microsoft.Data.Sqlite.
/// </summary>
public static class HistorySchema
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Every table the store may hold (besides SQLite's own <c>sqlite_sequence</c>).</summary>
    public static IReadOnlyList<string> Tables { get; } = ["runs", "deploys", "circuit_breaker"];

    /// <summary>The columns health-check reads and writes in <c>runs</c>.</summary>
    public static IReadOnlyList<string> RunColumns { get; } = ["id", "timestamp", "status", "failed_checks", "recovery_dispatched"];

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            timestamp TEXT NOT NULL,
            status TEXT NOT NULL,
            failed_checks TEXT NOT NULL,
            recovery_dispatched INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS deploys (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            service TEXT NOT NULL,
            strategy TEXT NOT NULL,
            triggered_by TEXT NOT NULL,
            image TEXT NOT NULL,
            previous_image TEXT NOT NULL,
            outcome TEXT NOT NULL,
            reason TEXT NOT NULL,
            deploy_seconds REAL NOT NULL,
            downtime_ms REAL,
            cutover_at TEXT,
            cutover_error_rate REAL,
            cutover_p95_ms REAL,
            backup_id TEXT NOT NULL,
            run TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS circuit_breaker (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            timestamp TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT NOT NULL,
            actor TEXT NOT NULL
        );
        """;

    /// <summary>Creates the tables that are missing; leaves the others (and their rows) as they are.</summary>
    public static void Create(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Ddl;
        command.ExecuteNonQuery();
    }

    public static string FormatTime(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>The store's own format first, then any ISO 8601 form, as UTC unless it says otherwise; null for no time.</summary>
    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact) ? exact
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var other) ? other
        : null;
}
