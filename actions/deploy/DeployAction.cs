using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Microsoft.Data.Sqlite;
using Tailpaste.Deploy.Containers;
using Tailpaste.Deploy.History;
using Tailpaste.Deploy.Record;
using Tailpaste.Deploy.Reporting;
using Tailpaste.Deploy.Strategies;
using Tailpaste.Deploy.Verification;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.History;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.Deploy;

/// <summary>
/// The deploy action: every input and the image, proxy image and backup checked first; then the service's lock,
/// the circuit breaker, the recovery of a deploy a previous run left half-done, the deploy itself (recreate or
/// blue-green) with a probe measuring downtime throughout, the history row and metrics, and the report, summary
/// and outputs.
/// </summary>
public static class DeployAction
{
    public static ActionDefinition<DeployOptions> Definition { get; } = new(
        "deploy",
        ActionManifest.FromAssembly(typeof(DeployAction).Assembly),
        DeployBinder.Bind,
        RunAsync);

    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(DeployOptions options, ActionCore core, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(core);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var docker = DockerClientFactory.Create(options.Docker.Endpoint, DockerClientFactory.DefaultTimeout + TimeSpan.FromSeconds(30));
        var status = await DockerEngineProbe.ProbeAsync(docker, options.Docker.Endpoint, ProbeTimeout, cancellationToken).ConfigureAwait(false);
        if (!status.Answers)
        {
            throw new InputException(options.Docker.Source, options.Docker.Endpoint.ToString(), $"a Docker engine that answers ({status.Error})");
        }

        // Everything that can be bad input is looked at before the first change.
        var image = await ImageFacts.ResolveAsync(docker, options.Image, "image", options.Release.Version, options.Release.GitCommit, options.Release.WorkflowSha, cancellationToken).ConfigureAwait(false);
        if (options.Strategy == Strategy.BlueGreen)
        {
            await ImageFacts.ResolveAsync(docker, options.Proxy.Image, "proxy-image", null, null, null, cancellationToken).ConfigureAwait(false);
        }

        var helperLabels = DeployLabels.For(options.ContainerName, "helper", null, image, options.Overrides.Labels);
        var services = options.Strategy == Strategy.Recreate
            ? [options.ContainerName]
            : new List<string> { options.ContainerName, $"{options.ContainerName}-{Slot.Blue}", $"{options.ContainerName}-{Slot.Green}" };
        if (options.Backup.Id is { } backupId)
        {
            await BackupCheck.EnsureExistsAsync(docker, options.Backup.Volume, backupId, services, image.Reference, helperLabels, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            core.WriteWarning($"Deploying {options.Image} without a backup (allow-no-backup: true): a rollback puts the previous version back, but not the data as it was.");
        }

        var locks = new List<ServiceLock>();
        try
        {
            foreach (var service in services)
            {
                locks.Add(await LockAsync(docker, options, service, image, helperLabels, core, cancellationToken).ConfigureAwait(false));
            }

            return await DeployLockedAsync(options, core, docker, image, helperLabels, started, clock, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var held in Enumerable.Reverse(locks))
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> DeployLockedAsync(DeployOptions options, ActionCore core, IDockerClient docker, ImageFacts image, Dictionary<string, string> helperLabels, DateTimeOffset started, Stopwatch clock, CancellationToken cancellationToken)
    {
        using var http = new DeployHttp();
        await using var volume = await DeployVolume.OpenAsync(docker, options.DeployVolume, image.Reference, helperLabels, cancellationToken).ConfigureAwait(false);
        var records = new RecordStore(volume, options.ContainerName);
        var context = new DeployContext(options, core, docker, http, image, volume, records);
        if (await records.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            context.Record = record;
        }

        var breaker = await CheckBreakerAsync(options, core, docker, image, helperLabels, cancellationToken).ConfigureAwait(false);
        DeployResult result;
        string? recovered = null;
        var downtimeMs = 0d;
        if (breaker is { IsOpen: true } && options.Trigger == DeployTrigger.Automatic)
        {
            var reason = $"the circuit breaker is open since {breaker.Since:yyyy-MM-dd HH:mm} UTC ({breaker.Reason}); automatic deploys are stopped until a manual run (trigger: manual) resets it";
            core.WriteError(reason, new AnnotationProperties { Title = "Deploy refused" });
            result = new DeployResult { Outcome = DeployOutcome.Refused, Message = "refused: " + reason, Reason = reason };
        }
        else
        {
            recovered = await core.GroupAsync("Checking for a deploy left half-done", () => KilledDeployRecovery.RunAsync(context, cancellationToken)).ConfigureAwait(false);
            if (recovered is not null)
            {
                core.WriteWarning($"Recovered: {recovered}.");
            }

            await using var downtime = DowntimeProbe.Start(http.Probe, context.HealthUrl(options.ServiceUrl));
            result = await core.GroupAsync($"Deploying {image.Reference} ({(options.Strategy == Strategy.Recreate ? "recreate" : "blue-green")})", () => DeployOrUndoAsync(context, cancellationToken)).ConfigureAwait(false);
            downtimeMs = await downtime.StopAsync().ConfigureAwait(false);
        }

        var finished = DateTimeOffset.UtcNow;
        var (breakerAfter, metrics, historySource) = await RememberAsync(options, core, docker, image, helperLabels, result, started, finished, clock.Elapsed, downtimeMs, cancellationToken).ConfigureAwait(false);
        var report = new DeployReport
        {
            Service = options.ContainerName,
            Strategy = options.Strategy == Strategy.Recreate ? "recreate" : "blue-green",
            Trigger = options.Trigger == DeployTrigger.Manual ? "manual" : "automatic",
            Image = image.Reference,
            ImageId = image.Id,
            Version = image.Version,
            Commit = image.Commit,
            Outcome = OutcomeName(result.Outcome),
            Message = result.Message,
            DeployedImage = result.DeployedImage,
            PreviousImage = result.PreviousImage,
            RolledBack = result.RolledBack,
            RollbackReason = result.Reason,
            StartedAt = started,
            FinishedAt = finished,
            DeploySeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            DowntimeMs = downtimeMs,
            CutoverAt = result.CutoverAt,
            RolledBackAt = result.RolledBackAt,
            LiveSlot = result.LiveSlot,
            BackupId = options.Backup.Id,
            Recovered = recovered,
            Steps = context.Steps,
            ProxyChanges = context.ProxyChanges,
            PreCutover = result.PreCutover,
            Verify = result.Verify,
            RollbackCheck = result.RollbackCheck,
            Drain = result.Drain,
            CircuitBreaker = breakerAfter ?? breaker,
            History = historySource,
            Metrics = metrics,
        };

        var reportPath = string.Empty;
        if (options.ReportPath is { } path)
        {
            await JsonReportWriter.WriteAsync(path, report, DeployJson.Report, core.Masker, cancellationToken).ConfigureAwait(false);
            reportPath = path;
        }

        DeploySummary.Fill(core.Summary, report);
        await core.WriteSummaryAsync(cancellationToken).ConfigureAwait(false);
        await core.SetOutputsAsync(
            new DeployOutputs
            {
                DeployedImage = result.DeployedImage,
                PreviousImage = result.PreviousImage,
                RolledBack = result.RolledBack,
                RollbackReason = result.Reason ?? string.Empty,
                DowntimeMs = downtimeMs,
                CutoverAt = result.CutoverAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : string.Empty,
                DeploySeconds = report.DeploySeconds,
                LiveSlot = result.LiveSlot ?? string.Empty,
                ReportPath = reportPath,
            },
            cancellationToken).ConfigureAwait(false);
        if (result.Outcome == DeployOutcome.Succeeded)
        {
            return ExitCodes.Ok;
        }

        core.SetFailed(result.Message);
        return ExitCodes.Failed;
    }

    /// <summary>The deploy; a step that throws (the engine, the proxy) is that deploy's failure, and what it left half-done is undone at once.</summary>
    private static async Task<DeployResult> DeployOrUndoAsync(DeployContext context, CancellationToken cancellationToken)
    {
        try
        {
            return context.Options.Strategy == Strategy.Recreate
                ? await RecreateDeploy.RunAsync(context, cancellationToken).ConfigureAwait(false)
                : await BlueGreenDeploy.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or InvalidOperationException or TimeoutException)
        {
            var failure = e.Message.ReplaceLineEndings(" ");
            context.Core.WriteError($"The deploy failed: {failure}");
            var undone = await KilledDeployRecovery.RunAsync(context, CancellationToken.None).ConfigureAwait(false);
            context.Step($"after the failure: {undone ?? "nothing was left to undo"}");
            return new DeployResult
            {
                Outcome = DeployOutcome.Failed,
                Message = $"the deploy failed: {failure}",
                Reason = failure,
                DeployedImage = context.Record.LiveImage ?? string.Empty,
                PreviousImage = context.Record.LiveImage ?? string.Empty,
                LiveSlot = context.Record.LiveSlot,
            };
        }
    }

    /// <summary>The breaker's state; a manual run resets an open one. Null without a history.</summary>
    private static async Task<CircuitBreakerState?> CheckBreakerAsync(DeployOptions options, ActionCore core, IDockerClient docker, ImageFacts image, Dictionary<string, string> labels, CancellationToken cancellationToken)
    {
        await using var access = await HistoryAccess.OpenAsync(options, docker, image.Reference, labels, cancellationToken).ConfigureAwait(false);
        if (access is null)
        {
            core.WriteWarning("No history (history-volume and history-path are empty): this deploy is not recorded, and the circuit breaker cannot work.");
            return null;
        }

        CircuitBreakerState breaker;
        using (var history = access.Open())
        {
            breaker = await history.BreakerAsync(cancellationToken).ConfigureAwait(false);
            if (!breaker.IsOpen || options.Trigger != DeployTrigger.Manual)
            {
                return breaker;
            }

            await history.ResetBreakerAsync(DateTimeOffset.UtcNow, options.Run.Actor, cancellationToken).ConfigureAwait(false);
        }

        await access.SaveAsync(cancellationToken).ConfigureAwait(false);
        core.WriteNotice($"The circuit breaker was open ({breaker.Reason}); this manual run resets it, and automatic redeploys may run again.");
        return CircuitBreakerState.Closed;
    }

    private static async Task<(CircuitBreakerState? Breaker, DeployMetrics? Metrics, string? Source)> RememberAsync(
        DeployOptions options, ActionCore core, IDockerClient docker, ImageFacts image, Dictionary<string, string> labels, DeployResult result, DateTimeOffset started, DateTimeOffset finished, TimeSpan elapsed, double downtimeMs, CancellationToken cancellationToken)
    {
        try
        {
            await using var access = await HistoryAccess.OpenAsync(options, docker, image.Reference, labels, CancellationToken.None).ConfigureAwait(false);
            if (access is null)
            {
                return (null, null, null);
            }

            CircuitBreakerState breaker;
            DeployMetrics metrics;
            using (var history = access.Open())
            {
                breaker = await history.RecordAsync(
                    new DeployHistoryRow
                    {
                        StartedAt = started,
                        FinishedAt = finished,
                        Service = options.ContainerName,
                        Strategy = options.Strategy == Strategy.Recreate ? "recreate" : "blue-green",
                        Trigger = options.Trigger == DeployTrigger.Manual ? "manual" : "automatic",
                        Image = image.Reference,
                        PreviousImage = result.PreviousImage,
                        Outcome = OutcomeName(result.Outcome),
                        Reason = result.Reason ?? string.Empty,
                        DeploySeconds = Math.Round(elapsed.TotalSeconds, 1),
                        DowntimeMs = downtimeMs,
                        CutoverAt = result.CutoverAt,
                        CutoverErrorRate = result.Verify?.ErrorRate,
                        CutoverP95Ms = result.Verify?.P95Ms,
                        BackupId = options.Backup.Id ?? string.Empty,
                        Run = options.Run.ToString(),
                    },
                    options.Run.Actor,
                    CancellationToken.None).ConfigureAwait(false);
                metrics = await history.MetricsAsync(finished, CancellationToken.None).ConfigureAwait(false);
            }

            await access.SaveAsync(CancellationToken.None).ConfigureAwait(false);
            if (breaker.IsOpen && result.Outcome != DeployOutcome.Refused)
            {
                core.WriteWarning($"The circuit breaker is open ({breaker.Reason}): automatic redeploys stop until a manual deploy run.");
            }

            return (breaker, metrics, access.Source);
        }
        catch (Exception e) when (e is DockerApiException or SqliteException or IOException or InvalidDataException or UnauthorizedAccessException or ImageUnavailableException)
        {
            // The deploy happened; only remembering it failed. Say so where people look.
            core.WriteError($"History: the deploy could not be recorded: {e.Message.ReplaceLineEndings(" ")}");
            return (null, null, null);
        }
    }

    private static async Task<ServiceLock> LockAsync(IDockerClient docker, DeployOptions options, string service, ImageFacts image, IReadOnlyDictionary<string, string> labels, ActionCore core, CancellationToken cancellationToken)
    {
        try
        {
            var held = await ServiceLock.AcquireAsync(
                docker,
                service,
                new LockHolder("deploy", options.Run.Workflow, options.Run.RunId, options.Run.Actor, DateTimeOffset.UtcNow),
                image.Reference,
                "image",
                options.LockStaleAfter,
                labels,
                cancellationToken).ConfigureAwait(false);
            if (held.BrokenStaleLock is { } stale)
            {
                core.WriteWarning($"Broke a stale lock on {service}: {stale}.");
            }

            return held;
        }
        catch (ServiceLockHeldException e)
        {
            throw new InputException("container-name", options.ContainerName, $"a service no other run is working on, but {e.Message}; wait for it, or for the lock to go stale (lock-stale-after)");
        }
    }

    public static string OutcomeName(DeployOutcome outcome) => outcome switch
    {
        DeployOutcome.Succeeded => "succeeded",
        DeployOutcome.RolledBack => "rolled-back",
        DeployOutcome.Refused => "refused",
        _ => "failed",
    };
}
