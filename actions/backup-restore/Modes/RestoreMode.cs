using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.BackupRestore.Reporting;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.Http;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>
/// mode: restore — the rollback. Checks first and changes nothing until every check passed: the backup is
/// verified (checksums, integrity), its saved image is there, its SQLite format matches the live database's
/// (unless force), and the rows the restore would drop are counted and stated. Then: stop the service, take a
/// safety backup of it, replace the database atomically, point the production tag at the saved image, create
/// the container again from the saved configuration, and wait until it answers. When a step after the stop
/// fails, the safety backup is put back the same way and the old container started again.
/// </summary>
public static class RestoreMode
{
    public const string RecreateStep = "recreate";

    private const int StopSeconds = 30;

    public static async Task<ModeResult> RunAsync(ModeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var core = context.Core;
        var docker = context.Docker;
        var service = await context.LocateServiceAsync(cancellationToken).ConfigureAwait(false);
        var container = service.Container;
        var list = await context.ListAsync(cancellationToken).ConfigureAwait(false);
        var chosen = ModeContext.Choose(list, options.BackupId, verifiedOnly: true, options.Store.ToString());
        await using var held = await context.LockAsync("restore", cancellationToken).ConfigureAwait(false);
        var steps = new List<string>();

        // 1. Checks; nothing changes until they all pass.
        var verified = await core.GroupAsync($"Verifying backup {chosen.Id}", () => context.VerifyAsync(chosen.Id, cancellationToken)).ConfigureAwait(false);
        if (!verified.Passed)
        {
            foreach (var problem in verified.Problems)
            {
                core.WriteError($"Backup {chosen.Id}: {problem}", new AnnotationProperties { Title = "Restore refused" });
            }

            return Refused(context, chosen, steps, $"backup {chosen.Id} failed verification ({string.Join("; ", verified.Problems)}); the service was not touched", verified.Problems);
        }

        steps.Add($"verified backup {chosen.Id}");
        var backup = verified.Manifest ?? chosen;
        var snapshot = ModeContext.ParseSnapshot(verified.Container, chosen.Id);
        if (!await ImageExistsAsync(docker, backup.Image.Id, cancellationToken).ConfigureAwait(false))
        {
            return Refused(context, backup, steps, $"the image {backup.Image.Id} saved with backup {backup.Id} ({backup.Image.BackupTag}) is no longer on the engine; the service was not touched", []);
        }

        var helper = await context.HelperAsync(cancellationToken).ConfigureAwait(false);
        var facts = await helper.RunAsync<FactsResult>(
            FactsOperation.OperationName,
            ["--database", service.DatabasePath, "--backup", BackupStore.BackupFolder(context.Service, backup.Id)],
            new HelperMounts { VolumesFrom = [ServiceMount(container)], Binds = [options.Store.Bind(readOnly: true)] },
            ModeContext.LongHelperTimeout,
            cancellationToken).ConfigureAwait(false);
        var differences = Differences(backup.Database, facts.Facts);
        if (differences.Count > 0 && !options.Force)
        {
            var text = string.Join("; ", differences);
            core.WriteError($"Backup {backup.Id} does not match the running service's database: {text}. Set force: true to restore it anyway.", new AnnotationProperties { Title = "Restore refused" });
            return Refused(context, backup, steps, $"backup {backup.Id} does not match the live database ({text}); the service was not touched", differences);
        }

        foreach (var difference in differences)
        {
            core.WriteWarning($"Restoring despite a difference (force: true): {difference}.");
        }

        var rowsLost = facts.RowsLost ?? 0;
        var lost = string.Create(CultureInfo.InvariantCulture, $"The restore of backup {backup.Id} (taken {backup.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC) drops {rowsLost} rows of the live database that were created after it (of {facts.Facts.Rows ?? 0} rows now).");
        if (rowsLost > 0)
        {
            core.WriteWarning(lost);
        }
        else
        {
            core.WriteInfo(lost);
        }

        steps.Add(string.Create(CultureInfo.InvariantCulture, $"counted {rowsLost} rows the restore drops"));
        var outputs = new BackupRestoreOutputs
        {
            BackupId = backup.Id,
            BackupLocation = context.Location(backup.Id),
            RowsLost = rowsLost,
        };
        if (options.DryRun)
        {
            steps.Add("dry run: nothing changed");
            return new ModeResult(ExitCodes.Ok, outputs, context.Report(true, $"dry run: backup {backup.Id} can be restored; {rowsLost} rows would be dropped") with
            {
                Backup = backup,
                Restore = new RestoreReport(backup.Id, rowsLost, null, "dry-run", steps),
            });
        }

        // 2. Changes, each undone by the rollback below when a later one fails.
        await StopAsync(docker, container.ID, cancellationToken).ConfigureAwait(false);
        steps.Add($"stopped {service.Name}");
        BackupManifest safety;
        try
        {
            safety = await core.GroupAsync("Safety backup of the current state", () => BackupTaker.TakeAsync(context, service, BackupKinds.Safety, readOnly: false, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HelperException or DockerApiException or IOException or TimeoutException)
        {
            await docker.Containers.StartContainerAsync(container.ID, new ContainerStartParameters(), CancellationToken.None).ConfigureAwait(false);
            core.WriteError($"The safety backup failed, so nothing was restored; {service.Name} was started again: {e.Message}");
            return new ModeResult(ExitCodes.Failed, outputs, context.Report(false, "the safety backup failed: " + e.Message) with
            {
                Backup = backup,
                Restore = new RestoreReport(backup.Id, rowsLost, null, "failed", [.. steps, "safety backup failed; service started again"]),
            });
        }

        steps.Add($"took safety backup {safety.Id}");
        core.WriteInfo($"Safety backup {safety.Id} holds the state before the restore ({context.Location(safety.Id)}).");
        outputs = outputs with { SafetyBackupId = safety.Id };
        var attempt = new Attempt(context, container, service);
        try
        {
            await core.GroupAsync($"Restoring backup {backup.Id}", () => attempt.ApplyAsync(backup, snapshot, steps, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            core.WriteError($"The restore of backup {backup.Id} failed: {e.Message}");
            var rolledBack = await core.GroupAsync($"Rolling back to safety backup {safety.Id}", () => attempt.RollBackAsync(safety, steps)).ConfigureAwait(false);
            var message = rolledBack is null
                ? $"the restore of {backup.Id} failed ({e.Message}); the state before it (safety backup {safety.Id}) is back and {service.Name} answers"
                : $"the restore of {backup.Id} failed ({e.Message}) and so did the rollback ({rolledBack}); safety backup {safety.Id} holds the state before the restore";
            if (rolledBack is null)
            {
                core.WriteWarning(message);
            }
            else
            {
                core.WriteError(message);
            }

            return new ModeResult(ExitCodes.Failed, outputs, context.Report(false, message) with
            {
                Backup = backup,
                Restore = new RestoreReport(backup.Id, rowsLost, safety.Id, rolledBack is null ? "rolled-back" : "failed", steps),
            });
        }

        core.WriteInfo($"Restored backup {backup.Id}: {service.Name} runs {snapshot.Image} ({backup.Image.Id}) again and answers {options.ServiceUrlForDisplay}.");
        return new ModeResult(
            ExitCodes.Ok,
            outputs with { RestoredBackupId = backup.Id, RestoredCommit = backup.GitCommit ?? string.Empty, RestoredImage = snapshot.Image, GitCommit = backup.GitCommit ?? string.Empty, Image = backup.Image.BackupTag, Verified = true },
            context.Report(true, $"backup {backup.Id} restored") with
            {
                Backup = backup,
                Restore = new RestoreReport(backup.Id, rowsLost, safety.Id, "restored", steps),
            });
    }

    /// <summary>The service's volumes for a helper: read-only while the service runs, writable when it is stopped (SQLite then needs to create its -shm file).</summary>
    public static string ServiceMount(ContainerInspectResponse container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.State?.Running == true ? container.ID + ":ro" : container.ID;
    }

    public static async Task StopAsync(IDockerClient docker, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        await docker.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = StopSeconds }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Format facts that must agree for the service to open the restored file as it opened the old one.</summary>
    private static List<string> Differences(DatabaseFacts? saved, DatabaseFacts live)
    {
        var differences = new List<string>();
        if (saved is null)
        {
            differences.Add("the backup's manifest holds no database facts");
            return differences;
        }

        if (saved.PageSize != live.PageSize)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"page size {saved.PageSize} in the backup, {live.PageSize} live"));
        }

        if (saved.JournalMode != live.JournalMode)
        {
            differences.Add($"journal mode {saved.JournalMode} in the backup, {live.JournalMode} live");
        }

        if (saved.SchemaVersion != live.SchemaVersion)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"schema version (user_version) {saved.SchemaVersion} in the backup, {live.SchemaVersion} live"));
        }

        return differences;
    }

    private static ModeResult Refused(ModeContext context, BackupManifest backup, List<string> steps, string message, IReadOnlyList<string> problems) =>
        new(ExitCodes.Failed, new BackupRestoreOutputs { BackupId = backup.Id, BackupLocation = context.Location(backup.Id) }, context.Report(false, message) with
        {
            Backup = backup,
            Problems = problems,
            Restore = new RestoreReport(backup.Id, 0, null, "refused", steps),
        });

    private static async Task<bool> ImageExistsAsync(IDockerClient docker, string id, CancellationToken cancellationToken) =>
        await docker.Images.InspectOrNullAsync(id, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>One restore's changes, and how to undo them.</summary>
    private sealed class Attempt(ModeContext context, ContainerInspectResponse old, ServiceLocation service)
    {
        private readonly IDockerClient _docker = context.Docker;
        private string? _asideName;
        private string? _createdId;

        public async Task ApplyAsync(BackupManifest backup, ContainerSnapshot snapshot, List<string> steps, CancellationToken cancellationToken)
        {
            await ReplaceDatabaseAsync(backup, context.Options.PauseBefore == ReplaceOperation.RenameStep, cancellationToken).ConfigureAwait(false);
            steps.Add($"replaced {service.DatabasePath} with the backup's");
            await ProductionTagAsync(snapshot.Image, backup.Image.Id, cancellationToken).ConfigureAwait(false);
            steps.Add($"pointed {snapshot.Image} at {backup.Image.Id}");
            if (context.Options.PauseBefore == RecreateStep)
            {
                context.Core.WriteInfo("paused before recreate");
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }

            await SetAsideAsync(backup.Id, cancellationToken).ConfigureAwait(false);
            var parameters = ContainerSnapshots.ToParameters(snapshot, service.Name, snapshot.Image, old.Config?.Env?.ToList() ?? []);
            _createdId = (await _docker.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID;
            await _docker.Containers.StartContainerAsync(_createdId, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            steps.Add($"created and started {service.Name} from the saved configuration");
            if (await AnswersAsync(_createdId, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                throw new InvalidOperationException($"the restored service is not healthy: {problem}");
            }

            steps.Add($"{context.Options.ServiceUrlForDisplay} answers");
            await _docker.Containers.RemoveContainerAsync(old.ID, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
            steps.Add("removed the replaced container");
        }

        /// <summary>Puts the safety backup back; null when the old state runs and answers again, else what failed.</summary>
        public async Task<string?> RollBackAsync(BackupManifest safety, List<string> steps)
        {
            var cancellationToken = CancellationToken.None;
            try
            {
                if (_createdId is not null)
                {
                    await _docker.Containers.RemoveContainerAsync(_createdId, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
                    steps.Add("rollback: removed the restored container");
                }

                await ReplaceDatabaseAsync(safety, pause: false, cancellationToken).ConfigureAwait(false);
                steps.Add($"rollback: put the database of safety backup {safety.Id} back");
                await ProductionTagAsync(safety.Image.Reference, safety.Image.Id, cancellationToken).ConfigureAwait(false);
                if (_asideName is not null)
                {
                    await _docker.Containers.RenameContainerAsync(old.ID, new ContainerRenameParameters { NewName = service.Name }, cancellationToken).ConfigureAwait(false);
                }

                await _docker.Containers.StartContainerAsync(old.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
                steps.Add($"rollback: started the old {service.Name} again");
                using var limit = new CancellationTokenSource(context.Options.HealthTimeout + TimeSpan.FromSeconds(10));
                var problem = await AnswersAsync(old.ID, limit.Token).ConfigureAwait(false);
                steps.Add(problem is null ? "rollback: the service answers" : "rollback: " + problem);
                return problem;
            }
#pragma warning disable CA1031 // Whatever stops the rollback is reported; the safety backup stays for a person.
            catch (Exception e)
#pragma warning restore CA1031
            {
                steps.Add("rollback failed: " + e.Message);
                return e.Message;
            }
        }

        /// <summary>Null once the container runs and service-url answers 200 within health-timeout; else what was wrong.</summary>
        private async Task<string?> AnswersAsync(string containerId, CancellationToken cancellationToken)
        {
            using var http = new HttpProbe();
            return await ContainerReadiness.WaitAsync(_docker, http, containerId, context.Options.ServiceUrl, context.Options.ServiceUrlForDisplay, only200: true, context.Options.HealthTimeout, cancellationToken).ConfigureAwait(false);
        }

        private async Task ReplaceDatabaseAsync(BackupManifest backup, bool pause, CancellationToken cancellationToken)
        {
            var helper = await context.HelperAsync(cancellationToken).ConfigureAwait(false);
            var file = backup.Files.First(f => f.Name == BackupManifest.DatabaseFile);
            List<string> arguments =
            [
                "--database", service.DatabasePath,
                "--source", $"{BackupStore.BackupFolder(context.Service, backup.Id)}/{BackupManifest.DatabaseFile}",
                "--sha256", file.Sha256,
            ];
            if (pause)
            {
                arguments.AddRange(["--pause-before", ReplaceOperation.RenameStep]);
            }

            await helper.RunAsync<ReplaceResult>(
                ReplaceOperation.OperationName,
                arguments,
                new HelperMounts { VolumesFrom = [old.ID], Binds = [context.Options.Store.Bind(readOnly: true)] },
                ModeContext.LongHelperTimeout,
                cancellationToken).ConfigureAwait(false);
        }

        private Task ProductionTagAsync(string reference, string imageId, CancellationToken cancellationToken) =>
            reference.StartsWith("sha256:", StringComparison.Ordinal) || reference == imageId
                ? Task.CompletedTask
                : ImageKeeper.TagAsync(_docker, imageId, reference, cancellationToken);

        /// <summary>Renames the old container out of the way (kept until the new one answers, for the rollback).</summary>
        private async Task SetAsideAsync(string backupId, CancellationToken cancellationToken)
        {
            _asideName = $"{service.Name}-before-restore-{backupId}";
            await _docker.Containers.RenameContainerAsync(old.ID, new ContainerRenameParameters { NewName = _asideName }, cancellationToken).ConfigureAwait(false);
        }
    }
}
