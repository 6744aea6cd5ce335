using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>mode: backup — one backup of the running service, and a restore drill on it with verify-after-backup.</summary>
public static class BackupMode
{
    public static async Task<ModeResult> RunAsync(ModeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var service = await context.LocateServiceAsync(cancellationToken).ConfigureAwait(false);
        var container = service.Container;
        await using var held = await context.LockAsync("backup", cancellationToken).ConfigureAwait(false);

        BackupManifest manifest;
        try
        {
            manifest = await context.Core.GroupAsync($"Backing up {service.DatabasePath} of {service.Name}", () => BackupTaker.TakeAsync(context, service, BackupKinds.Backup, readOnly: container.State?.Running == true, cancellationToken)).ConfigureAwait(false);
        }
        catch (HelperException e) when (e.ExitCode is 1 or 2)
        {
            context.Core.WriteError($"The backup of {service.Name} failed: {e.Message}");
            return new ModeResult(ExitCodes.Failed, new BackupRestoreOutputs(), context.Report(false, e.Message));
        }

        context.Core.WriteInfo($"Backup {manifest.Id}: {manifest.Database?.Rows ?? 0} rows, {manifest.TotalBytes} bytes, integrity ok, at {context.Location(manifest.Id)}.");
        var exit = ExitCodes.Ok;
        var message = $"backup {manifest.Id} taken and checked";
        if (options.VerifyAfterBackup)
        {
            var snapshot = ContainerSnapshots.Capture(container);
            var (drilled, drill) = await context.Core.GroupAsync($"Restore drill of {manifest.Id}", () => RestoreDrill.RunAsync(context, manifest, snapshot, cancellationToken)).ConfigureAwait(false);
            manifest = drilled;
            if (drill.Passed)
            {
                context.Core.WriteInfo($"Restore drill passed in {drill.Ms:0} ms: {drill.Detail}.");
                message += "; the restore drill passed";
            }
            else
            {
                context.Core.WriteError($"The restore drill of backup {manifest.Id} failed: {drill.Detail}");
                exit = ExitCodes.Failed;
                message += "; the restore drill failed: " + drill.Detail;
            }
        }

        var outputs = new BackupRestoreOutputs
        {
            BackupId = manifest.Id,
            BackupLocation = context.Location(manifest.Id),
            GitCommit = manifest.GitCommit ?? string.Empty,
            Image = manifest.Image.BackupTag,
            Verified = manifest.Verified,
        };
        return new ModeResult(exit, outputs, context.Report(exit == ExitCodes.Ok, message) with { Backup = manifest });
    }
}
