using Tailpaste.Shared.Actions;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>mode: verify — checksums and integrity of one backup (the newest by default), and a restore drill with drill: true.</summary>
public static class VerifyMode
{
    public static async Task<ModeResult> RunAsync(ModeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var list = await context.ListAsync(cancellationToken).ConfigureAwait(false);
        var chosen = ModeContext.Choose(list, options.BackupId, verifiedOnly: false, options.Store.ToString());
        await using var held = await context.LockAsync("verify", cancellationToken).ConfigureAwait(false);

        var result = await context.Core.GroupAsync($"Verifying backup {chosen.Id}", () => context.VerifyAsync(chosen.Id, cancellationToken)).ConfigureAwait(false);
        var manifest = result.Manifest ?? chosen;
        var outputs = new BackupRestoreOutputs { BackupId = chosen.Id, BackupLocation = context.Location(chosen.Id), GitCommit = manifest.GitCommit ?? string.Empty, Image = manifest.Image.BackupTag };
        if (!result.Passed)
        {
            foreach (var problem in result.Problems)
            {
                context.Core.WriteError($"Backup {chosen.Id}: {problem}", new AnnotationProperties { Title = "Backup verification failed" });
            }

            return new ModeResult(ExitCodes.Failed, outputs, context.Report(false, $"backup {chosen.Id} failed verification") with { Backup = manifest, Problems = result.Problems });
        }

        context.Core.WriteInfo($"Backup {chosen.Id}: every checksum matches and the integrity check says ok.");
        if (!options.Drill)
        {
            return new ModeResult(ExitCodes.Ok, outputs with { Verified = manifest.Verified }, context.Report(true, $"backup {chosen.Id} verified") with { Backup = manifest });
        }

        var snapshot = ModeContext.ParseSnapshot(result.Container, chosen.Id);
        var (drilled, drill) = await context.Core.GroupAsync($"Restore drill of {chosen.Id}", () => RestoreDrill.RunAsync(context, manifest, snapshot, cancellationToken)).ConfigureAwait(false);
        if (!drill.Passed)
        {
            context.Core.WriteError($"The restore drill of backup {chosen.Id} failed: {drill.Detail}");
            return new ModeResult(ExitCodes.Failed, outputs, context.Report(false, "the restore drill failed: " + drill.Detail) with { Backup = drilled, Problems = [drill.Detail] });
        }

        context.Core.WriteInfo($"Restore drill passed in {drill.Ms:0} ms: {drill.Detail}.");
        return new ModeResult(ExitCodes.Ok, outputs with { Verified = drilled.Verified }, context.Report(true, $"backup {chosen.Id} verified and drilled") with { Backup = drilled });
    }
}
