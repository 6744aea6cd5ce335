using Docker.DotNet.Models;
using Tailpaste.Deploy.Containers;
using Tailpaste.Deploy.Proxy;
using Tailpaste.Deploy.Record;
using Tailpaste.Deploy.Verification;

namespace Tailpaste.Deploy.Strategies;

/// <summary>
/// blue-green: the new version starts in the slot that is not live, beside the live one, and is checked there
/// through the proxy's preview port (health, smoke, the SLO probe) before any user reaches it. Then the proxy's
/// users' route moves to it (one graceful reload) and the live URL is watched for verify-window, the previous
/// version still running: past the error-rate, p95 or log-error limits the route moves back (one reload), the
/// restored version is watched again, and the new one is drained and removed; otherwise the previous version is
/// drained and removed. The record is written before each change, so a killed run is finished or undone by the
/// next one (<see cref="KilledDeployRecovery"/>).
/// </summary>
public static class BlueGreenDeploy
{
    public static async Task<DeployResult> RunAsync(DeployContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var live = Slot.Find(options, context.Record.LiveSlot);
        var liveContainer = live is null ? null : await context.InspectAsync(live.ContainerName, cancellationToken).ConfigureAwait(false);
        if (liveContainer?.State?.Running != true)
        {
            live = null;
            liveContainer = null;
        }

        var target = live?.Other(options) ?? Slot.Of(options).Blue;

        // A first blue-green deploy may take over from a plain container of the service (recreate's): it is the template, and stops at the cut-over.
        var plain = live is null ? await context.InspectAsync(context.ServiceName, cancellationToken).ConfigureAwait(false) : null;
        var source = liveContainer ?? plain;
        var sourceImage = source is null ? null : await ImageFacts.InspectAsync(context.Docker, source.Image, cancellationToken).ConfigureAwait(false);
        var template = (source is null ? ServiceTemplate.Empty : ServiceTemplate.From(source, sourceImage)).Apply(options.Overrides) with
        {
            NetworkMode = "host",
            Ports = new Dictionary<string, IList<PortBinding>>(),
            Restart = RestartPolicyKind.UnlessStopped,
        };
        template = template.WithEnv(new("LISTEN_ADDRESS", "127.0.0.1"), new("LISTEN_PORT", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var parameters = template.ToParameters(target.ContainerName, context.Image.Reference, context.Labels("slot", target.Name));
        var hash = ServiceTemplate.Hash(parameters);
        var previousImage = liveContainer?.Config?.Image ?? plain?.Config?.Image ?? string.Empty;

        await context.SaveAsync(context.Record with
        {
            Strategy = "blue-green",
            Phase = DeployPhase.CandidateStarting,
            LiveSlot = live?.Name,
            Candidate = target.Name,
            CandidateImage = context.Image.Reference,
            CandidateImageId = context.Image.Id,
            CandidateConfigHash = hash,
        }, cancellationToken).ConfigureAwait(false);
        await context.RemoveAsync(target.ContainerName, cancellationToken, graceSeconds: 5).ConfigureAwait(false);
        var proxy = context.Proxy();
        await proxy.ApplyAsync(live?.Serving(options) ?? new ProxyRoutes(null, target.Port), cancellationToken).ConfigureAwait(false);
        context.Step($"the proxy {proxy.ContainerName} serves {(live is null ? "no live version yet" : $"{live.Name} to users")} and {target.Name} on the preview port {options.Proxy.PreviewPort}");
        var candidateId = await context.StartNewAsync(parameters, cancellationToken).ConfigureAwait(false);
        context.Step($"started {target.ContainerName} ({context.Image.Reference}) on 127.0.0.1:{target.Port}");
        await context.PauseAsync("candidate-started", cancellationToken).ConfigureAwait(false);

        var preview = context.PreviewUrl;
        var unhealthy = await context.WaitHealthyAsync(candidateId, context.HealthUrl(preview), cancellationToken).ConfigureAwait(false);
        PreCutoverResult? checks = null;
        if (unhealthy is null)
        {
            context.Step($"{target.Name} answers {options.Health.Path}");
            checks = await PreCutoverChecks.RunAsync(context.Http.Probe, preview, options.Health.Smoke, context.UploadToken(parameters), options.Health.Slo, options.Health.SloDuration, cancellationToken).ConfigureAwait(false);
        }

        if ((unhealthy ?? checks?.Failure) is { } failure)
        {
            context.Core.WriteError($"{target.Name} failed before the cut-over: {failure}");
            await context.RemoveAsync(candidateId, CancellationToken.None, graceSeconds: 5).ConfigureAwait(false);
            await proxy.ApplyAsync(live?.Serving(options) ?? new ProxyRoutes(null, null), CancellationToken.None).ConfigureAwait(false);
            await context.SaveAsync(context.Record.Settled(), CancellationToken.None).ConfigureAwait(false);
            context.Step($"removed {target.ContainerName}; users never reached it");
            return live is null
                ? new DeployResult { Outcome = DeployOutcome.Failed, Message = $"the first deploy failed before the cut-over: {failure}", Reason = failure, PreCutover = checks }
                : new DeployResult { Outcome = DeployOutcome.RolledBack, Message = $"{target.Name} failed before the cut-over; {live.Name} ({previousImage}) kept serving", Reason = failure, DeployedImage = previousImage, PreviousImage = previousImage, LiveSlot = live.Name, PreCutover = checks };
        }

        if (checks?.Smoke is not null)
        {
            context.Step("the smoke probe passed against the new version");
        }

        if (checks?.Slo is not null)
        {
            context.Step("the SLO probe passed against the new version");
        }

        // The cut-over. The record says "switched" before the proxy does, so a run killed in between is undone.
        await context.SaveAsync(context.Record with { Phase = DeployPhase.Switched }, cancellationToken).ConfigureAwait(false);
        if (plain is not null && plain.State?.Running == true)
        {
            await context.Docker.Containers.StopContainerAsync(plain.ID, new ContainerStopParameters { WaitBeforeKillSeconds = DeployContext.StopSeconds }, cancellationToken).ConfigureAwait(false);
            context.Step($"stopped {context.ServiceName}, the plain container the proxy takes over from");
        }

        var change = await proxy.ApplyAsync(target.Serving(options), cancellationToken).ConfigureAwait(false);
        var cutoverAt = change.At;
        context.Step($"switched users to {target.Name} at {cutoverAt:HH:mm:ss.fff} (graceful nginx reload)");
        await context.PauseAsync("switched", cancellationToken).ConfigureAwait(false);

        var watch = new LiveWatch(context.Docker, new ProxyLog(context.Docker, change.ProxyId, cutoverAt), options.Rollback.Watch(options.Rollback.VerifyWindow, options.Rollback.LogErrorsAfterDeploy))
        {
            AfterFirstTick = () => context.PauseAsync("verifying", cancellationToken),
        };
        var switchProblem = await context.WaitHealthyAsync(candidateId, context.HealthUrl(options.ServiceUrl), cancellationToken).ConfigureAwait(false);
        var verify = switchProblem is null
            ? await watch.RunAsync(new WatchTarget(options.ServiceUrl, options.Proxy.Port, candidateId, target.Port, live?.Port, cutoverAt), cancellationToken).ConfigureAwait(false)
            : new WatchOutcome { Failure = $"the users' URL did not answer after the switch: {switchProblem}" };
        if (verify.Failure is { } reason)
        {
            context.Core.WriteError($"Rolling back {target.Name}: {reason}");
            return await RollBackAsync(context, proxy, target, candidateId, live, plain, previousImage, cutoverAt, checks, verify, reason).ConfigureAwait(false);
        }

        context.Step($"the verify window passed: {Describe(verify)}");
        return await FinishAsync(context, proxy, change, target, live, plain, previousImage, hash, cutoverAt, checks, verify, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DeployResult> FinishAsync(
        DeployContext context, ReverseProxy proxy, RouteChange change, Slot target, Slot? live, ContainerInspectResponse? plain, string previousImage, string hash, DateTimeOffset cutoverAt, PreCutoverResult? checks, WatchOutcome verify, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var record = context.Record;
        await context.SaveAsync(record with
        {
            Phase = DeployPhase.Finishing,
            LiveSlot = target.Name,
            LiveImage = context.Image.Reference,
            LiveImageId = context.Image.Id,
            LiveDigest = context.Image.Digest,
            ConfigHash = hash,
            PreviousImage = string.IsNullOrEmpty(previousImage) ? null : previousImage,
            PreviousImageId = record.LiveImageId,
            PreviousDigest = record.LiveDigest,
            Candidate = live?.Name,
        }, cancellationToken).ConfigureAwait(false);
        DrainReport? drain = null;
        if (live is not null)
        {
            drain = await DrainAsync(context, proxy, change, live, verify.InFlightAtSwitch, cancellationToken).ConfigureAwait(false);
        }

        await proxy.ApplyAsync(target.Serving(options), cancellationToken).ConfigureAwait(false);
        if (plain is not null)
        {
            await context.RemoveAsync(plain.ID, cancellationToken).ConfigureAwait(false);
            context.Step($"removed the plain container {context.ServiceName}; its volumes stay");
        }

        await context.SaveAsync(context.Record.Settled(), cancellationToken).ConfigureAwait(false);
        return new DeployResult
        {
            Outcome = DeployOutcome.Succeeded,
            Message = $"{target.Name} serves {context.Image.Reference}",
            DeployedImage = context.Image.Reference,
            PreviousImage = previousImage,
            CutoverAt = cutoverAt,
            LiveSlot = target.Name,
            PreCutover = checks,
            Verify = verify,
            Drain = drain,
        };
    }

    private static async Task<DeployResult> RollBackAsync(
        DeployContext context, ReverseProxy proxy, Slot target, string candidateId, Slot? live, ContainerInspectResponse? plain, string previousImage, DateTimeOffset cutoverAt, PreCutoverResult? checks, WatchOutcome verify, string reason)
    {
        // Undoing must not be cut short by the job being cancelled.
        var cancellationToken = CancellationToken.None;
        var options = context.Options;
        await context.SaveAsync(context.Record with { Phase = DeployPhase.RollingBack }, cancellationToken).ConfigureAwait(false);
        if (live is null)
        {
            if (plain is not null)
            {
                await context.Docker.Containers.StartContainerAsync(plain.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            }

            await context.RemoveAsync(candidateId, cancellationToken, graceSeconds: 5).ConfigureAwait(false);
            await proxy.ApplyAsync(new ProxyRoutes(null, null), cancellationToken).ConfigureAwait(false);
            await context.SaveAsync(context.Record.Settled(), cancellationToken).ConfigureAwait(false);
            context.Step($"removed {target.ContainerName}; there was no previous blue-green version to switch back to");
            return new DeployResult { Outcome = DeployOutcome.Failed, Message = $"the first blue-green deploy failed after the cut-over: {reason}", Reason = reason, CutoverAt = cutoverAt, PreCutover = checks, Verify = verify };
        }

        var back = await proxy.ApplyAsync(live.Serving(options), cancellationToken).ConfigureAwait(false);
        context.Step($"switched users back to {live.Name} at {back.At:HH:mm:ss.fff}, {(back.At - cutoverAt).TotalSeconds:0.#} s after the cut-over");
        var liveId = (await context.InspectAsync(live.ContainerName, cancellationToken).ConfigureAwait(false))?.ID ?? live.ContainerName;
        WatchOutcome? check = null;
        if (options.Rollback.RollbackVerifyWindow > TimeSpan.Zero)
        {
            check = await new LiveWatch(context.Docker, new ProxyLog(context.Docker, back.ProxyId, back.At), options.Rollback.Watch(options.Rollback.RollbackVerifyWindow, options.Rollback.LogErrorsAfterRollback))
                .RunAsync(new WatchTarget(options.ServiceUrl, options.Proxy.Port, liveId, live.Port, target.Port, back.At), cancellationToken).ConfigureAwait(false);
            context.Step(check.Passed ? $"{live.Name} serves well again: {Describe(check)}" : $"{live.Name} is not well after the rollback either: {check.Failure}");
        }

        var drain = await DrainAsync(context, proxy, back, target, check?.InFlightAtSwitch ?? 0, cancellationToken).ConfigureAwait(false);
        await proxy.ApplyAsync(live.Serving(options), cancellationToken).ConfigureAwait(false);
        await context.SaveAsync(context.Record.Settled(), cancellationToken).ConfigureAwait(false);
        var restoredWell = check?.Passed != false;
        return new DeployResult
        {
            Outcome = restoredWell ? DeployOutcome.RolledBack : DeployOutcome.Failed,
            Message = restoredWell
                ? $"rolled back: {live.Name} ({previousImage}) serves again"
                : $"rolled back to {live.Name} ({previousImage}), which is not well either: {check!.Failure}",
            Reason = restoredWell ? reason : $"{reason}; after the rollback: {check!.Failure}",
            DeployedImage = previousImage,
            PreviousImage = previousImage,
            CutoverAt = cutoverAt,
            RolledBackAt = back.At,
            LiveSlot = live.Name,
            PreCutover = checks,
            Verify = verify,
            RollbackCheck = check,
            Drain = drain,
        };
    }

    /// <summary>Waits for the proxy's old workers (requests still on <paramref name="leaving"/>) up to drain-timeout, then stops and removes it.</summary>
    private static async Task<DrainReport> DrainAsync(DeployContext context, ReverseProxy proxy, RouteChange change, Slot leaving, long inFlightAtSwitch, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var drained = await proxy.WaitDrainedAsync(change, context.Options.Proxy.DrainTimeout, cancellationToken).ConfigureAwait(false);
        var deadline = DateTimeOffset.UtcNow;
        await context.RemoveAsync(leaving.ContainerName, cancellationToken, graceSeconds: 10).ConfigureAwait(false);
        long cut = 0;
        if (!drained)
        {
            // What the proxy logged for the removed version after the deadline: requests cut short (502, 504) or abandoned.
            var log = new ProxyLog(context.Docker, change.ProxyId, deadline);
            cut = (await log.ReadNewAsync(cancellationToken).ConfigureAwait(false)).LongCount(entry => entry.ServedBy(leaving.Port) && (entry.Failed || entry.Status == 499));
        }

        var report = new DrainReport(leaving.ContainerName, inFlightAtSwitch, drained, cut, Math.Round(clock.Elapsed.TotalMilliseconds, 0));
        context.Step(drained
            ? $"drained and removed {leaving.ContainerName}: {inFlightAtSwitch} requests were in flight on it at the switch and finished there"
            : $"removed {leaving.ContainerName} at the drain deadline ({DeployContext.Seconds(context.Options.Proxy.DrainTimeout)}): {inFlightAtSwitch} requests were in flight at the switch, {cut} were cut");
        return report;
    }

    private static string Describe(WatchOutcome watch) => System.FormattableString.Invariant(
        $"{watch.Requests} requests ({watch.UserRequests} from users), error rate {(watch.ErrorRate ?? 0) * 100:0.##} %, p95 {watch.P95Ms ?? 0:0} ms, {watch.LogErrors} error lines");
}
