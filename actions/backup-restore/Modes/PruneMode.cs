using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.BackupRestore.Reporting;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>
/// mode: prune — removes whole backups past the retention (see <see cref="RetentionPolicy"/>) and releases the
/// image tags that kept their images; under the service's lock, so a running restore or drill never loses its
/// backup. Folders it cannot read are left alone; folders of interrupted runs are removed.
/// </summary>
public static class PruneMode
{
    public static async Task<ModeResult> RunAsync(ModeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        await using var held = await context.LockAsync("prune", cancellationToken).ConfigureAwait(false);
        var list = await context.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var unreadable in list.Unreadable)
        {
            context.Core.WriteWarning($"{unreadable.Name} in {options.Store} is not a readable backup and is left alone: {unreadable.Problem}");
        }

        var decisions = RetentionPolicy.Decide(list.Backups, options.Retain, options.RetainDays, context.Time.GetUtcNow());
        var doomed = decisions.Where(d => !d.Keep).Select(d => d.Id).ToList();
        var entries = list.Backups.Select(BackupListEntry.From).ToList();
        if (options.DryRun)
        {
            context.Core.WriteInfo($"Dry run: {doomed.Count} of {decisions.Count} backups would be removed: {Join(doomed)}.");
            return new ModeResult(ExitCodes.Ok, new BackupRestoreOutputs { Pruned = string.Join(',', doomed) }, context.Report(true, $"dry run: {doomed.Count} would be removed") with { Retention = decisions, Backups = entries });
        }

        var helper = await context.HelperAsync(cancellationToken).ConfigureAwait(false);
        var removed = await helper.RunAsync<RemoveResult>(
            RemoveOperation.OperationName,
            ["--folder", BackupStore.ServiceFolder(context.Service), "--ids", string.Join(',', doomed), "--leftovers"],
            context.StoreOnly(readOnly: false),
            ModeContext.LongHelperTimeout,
            cancellationToken).ConfigureAwait(false);
        var released = 0;
        foreach (var backup in list.Backups.Where(b => removed.Removed.Contains(b.Id)))
        {
            if (await ImageKeeper.ReleaseAsync(context.Docker, backup.Image.BackupTag, cancellationToken).ConfigureAwait(false))
            {
                released++;
            }
        }

        if (removed.Leftovers.Count > 0)
        {
            context.Core.WriteInfo($"Removed {removed.Leftovers.Count} folders of interrupted runs: {Join(removed.Leftovers)}.");
        }

        context.Core.WriteInfo($"Removed {removed.Removed.Count} of {decisions.Count} backups ({Join(removed.Removed)}) and released {released} image tags.");
        return new ModeResult(
            ExitCodes.Ok,
            new BackupRestoreOutputs { Pruned = string.Join(',', removed.Removed) },
            context.Report(true, $"removed {removed.Removed.Count} backups") with { Retention = decisions, Backups = entries });
    }

    private static string Join(IReadOnlyCollection<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);
}
