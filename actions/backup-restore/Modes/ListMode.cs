using Tailpaste.BackupRestore.Reporting;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>mode: list — the service's backups, newest first, in the summary and as a JSON output.</summary>
public static class ListMode
{
    public static async Task<ModeResult> RunAsync(ModeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var list = await context.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var unreadable in list.Unreadable)
        {
            context.Core.WriteWarning($"{unreadable.Name} in {context.Options.Store} is not a readable backup: {unreadable.Problem}");
        }

        var entries = list.Backups.Select(BackupListEntry.From).ToList();
        context.Core.WriteInfo($"{entries.Count} backups of {context.Service} in {context.Options.Store}.");
        var outputs = new BackupRestoreOutputs { Backups = StoreJson.Serialize(entries) };
        return new ModeResult(ExitCodes.Ok, outputs, context.Report(true, $"{entries.Count} backups") with { Backups = entries, Unreadable = list.Unreadable });
    }
}
