using System.Globalization;
using Microsoft.Data.Sqlite;
using Tailpaste.HealthCheck.Database;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// pastes.db: size (database plus WAL) against <c>max-db-size-mb</c>, asked before anything is copied or opened;
/// then SQLite's integrity check and paste statistics. A database over the limit is not copied (and a copy stops
/// at the limit should the files grow meanwhile). A file SQLite cannot read at all counts as a failed integrity check.
/// </summary>
public sealed class DatabaseCheck : IHealthCheck
{
    public string Name => CheckNames.Database;

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var options = context.Options;
        var limitBytes = (long)Math.Min(options.Database.MaxDbSizeMb * DatabaseSize.BytesPerMb, long.MaxValue);
        DatabaseSize size;
        string? containerId = null;
        try
        {
            if (DatabaseLocator.MeasureLocal(options.Database.StoragePath) is { } local)
            {
                size = local;
            }
            else
            {
                containerId = (await context.RequireServiceContainerAsync(cancellationToken).ConfigureAwait(false)).ID;
                size = await DatabaseLocator.MeasureInContainerAsync(context.Docker, containerId, options.Database.StoragePath, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FileNotFoundException e)
        {
            recorder.Error(e.Message);
            return;
        }

        recorder.Measure(size.TotalMb, options.Database.MaxDbSizeMb, "MB");
        recorder.Metric("source", size.Source);
        recorder.Metric("size_bytes", size.TotalBytes);
        recorder.Metric("integrity_check", options.Database.QuickIntegrityCheck ? "quick_check" : "integrity_check");

        // Over the limit, the file is neither copied nor opened: its size is the finding, and reading it would cost what the limit guards.
        if (size.TotalBytes > limitBytes)
        {
            recorder.Metric("integrity", "not checked (over the size limit)");
            recorder.Error(string.Create(CultureInfo.InvariantCulture, $"the database is {size.Describe()}, over the limit of {options.Database.MaxDbSizeMb:0.###} MB; it was not copied or opened"));
            return;
        }

        using var file = containerId is null
            ? DatabaseLocator.OpenLocal(size)
            : await DatabaseLocator.CopyFromContainerAsync(context.Docker, containerId, options.Database.StoragePath, limitBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = DatabaseInspector.Open(file);
            var problems = DatabaseInspector.CheckIntegrity(connection, options.Database.QuickIntegrityCheck);
            recorder.Metric("integrity", problems.Count == 0 ? "ok" : string.Join("; ", problems));
            if (problems.Count > 0)
            {
                recorder.Error($"integrity check failed: {string.Join("; ", problems.Take(3))}");
                return;
            }

            var statistics = DatabaseInspector.ReadStatistics(connection, context.Time.GetUtcNow());
            recorder.Metric("paste_count", statistics.PasteCount);
            recorder.Metric("oldest_paste", statistics.Oldest);
            recorder.Metric("newest_paste", statistics.Newest);
            recorder.Metric("total_paste_bytes", statistics.TotalBytes);
            recorder.Metric("pastes_last_24h", statistics.PastesLast24Hours);
            recorder.Message = string.Create(CultureInfo.InvariantCulture, $"integrity ok, {statistics.PasteCount} pastes, {size.TotalMb:0.00} MB");
        }
        catch (SqliteException e)
        {
            recorder.Metric("integrity", e.Message);
            recorder.Error($"integrity check failed: SQLite cannot read {file.Source}: {e.Message}");
        }
    }
}
