using System.Globalization;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Helper;

/// <summary>
/// The live database's facts (page size, journal mode, schema version, rows) and, given a backup, how many of
/// its rows the backup lacks: the rows a restore would drop. Read-only; the service keeps running.
/// </summary>
public sealed class FactsOperation : IHelperOperation
{
    public const string OperationName = "facts";

    public string Name => OperationName;

    public Task<HelperOutcome> RunAsync(HelperArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var database = arguments.Required("database");
        if (StoreFiles.Problem(database, database) is { } problem)
        {
            return Task.FromResult(HelperOutcome.BadInput($"there is no live database: {problem}"));
        }

        using var connection = SqliteConnections.OpenLive(database, readOnly: true);
        var facts = DatabaseInspector.Inspect(connection, database, integrityCheck: false);
        long? rowsLost = null;
        if (arguments.Optional("backup") is { } folder && facts.Rows is not null)
        {
            var saved = Path.Combine(folder, BackupManifest.DatabaseFile);
            if (StoreFiles.Problem(saved, BackupManifest.DatabaseFile) is { } savedProblem)
            {
                return Task.FromResult(HelperOutcome.Failed(savedProblem));
            }

            using var attach = connection.CreateCommand();
            attach.CommandText = "ATTACH DATABASE $saved AS saved;";
            attach.Parameters.AddWithValue("$saved", SqliteConnections.ImmutableUri(saved));
            attach.ExecuteNonQuery();
            var savedHasPastes = Convert.ToInt64(SqliteConnections.Scalar(connection, "SELECT count(*) FROM saved.sqlite_master WHERE type = 'table' AND name = 'pastes';"), CultureInfo.InvariantCulture) > 0;
            rowsLost = savedHasPastes
                ? Convert.ToInt64(SqliteConnections.Scalar(connection, "SELECT count(*) FROM main.pastes WHERE id NOT IN (SELECT id FROM saved.pastes);"), CultureInfo.InvariantCulture)
                : facts.Rows;
        }

        return Task.FromResult(HelperOutcome.Ok(new FactsResult(facts, rowsLost)));
    }
}

/// <param name="RowsLost">Rows of the live database the backup lacks; null without a backup to compare.</param>
public sealed record FactsResult(DatabaseFacts Facts, long? RowsLost);
