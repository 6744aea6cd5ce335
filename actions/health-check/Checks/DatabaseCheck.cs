using System.Globalization;
using Microsoft.Data.Sqlite;
using Tailpaste.HealthCheck.Database;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// pastes.db: size (database plus WAL) against <c>max-db-size-mb</c>, SQLite's integrity check, and paste statistics.
/// A file SQLite cannot read at all counts as a failed integrity check.
/// </summary>
public sealed class DatabaseCheck : IHealthCheck
{
    public string Name => CheckNames.Database;

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var options = context.Options;
        DatabaseFile file;
        try
        {
            file = DatabaseLocator.FindLocal(options.StoragePath)
                ?? await CopyFromServiceAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException e)
        {
            recorder.Error(e.Message);
            return;
        }

        using (file)
        {
            var sizeMb = file.SizeBytes / (1024.0 * 1024.0);
            recorder.Measure(sizeMb, options.MaxDbSizeMb, "MB");
            recorder.Metric("source", file.Source);
            recorder.Metric("size_bytes", file.SizeBytes);
            recorder.Metric("integrity_check", options.QuickIntegrityCheck ? "quick_check" : "integrity_check");
            if (sizeMb > options.MaxDbSizeMb)
            {
                recorder.Error(string.Create(CultureInfo.InvariantCulture, $"the database is {sizeMb:0.0} MB, over the limit of {options.MaxDbSizeMb:0.###} MB"));
            }

            try
            {
                using var connection = DatabaseInspector.Open(file);
                var problems = DatabaseInspector.CheckIntegrity(connection, options.QuickIntegrityCheck);
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
                recorder.Message = string.Create(CultureInfo.InvariantCulture, $"integrity ok, {statistics.PasteCount} pastes, {sizeMb:0.00} MB");
            }
            catch (SqliteException e)
            {
                recorder.Metric("integrity", e.Message);
                recorder.Error($"integrity check failed: SQLite cannot read {file.Source}: {e.Message}");
            }
        }
    }

    private static async Task<DatabaseFile> CopyFromServiceAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var container = await context.RequireServiceContainerAsync(cancellationToken).ConfigureAwait(false);
        return await DatabaseLocator.CopyFromContainerAsync(context.Docker, container.ID, context.Options.StoragePath, cancellationToken).ConfigureAwait(false);
    }
}
