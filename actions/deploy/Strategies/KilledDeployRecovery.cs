using Tailpaste.Deploy.Proxy;
using Tailpaste.Deploy.Record;

namespace Tailpaste.Deploy.Strategies;

/// <summary>
/// Finishes or undoes a deploy that a previous run left half-done (it was killed, or the machine went away), from
/// what the record says and what the engine has, before this run deploys anything:
/// <list type="bullet">
/// <item>blue-green, the new version starting, switched to or being switched back (its verify window never
/// ended): undone — users go back to the previous version and the new one is removed; only when the previous
/// version is gone and the new one answers is the new one kept;</item>
/// <item>blue-green, the new version past its window (the previous one being removed): finished;</item>
/// <item>recreate, the old container set aside: undone — the new container removed, the old one renamed back and
/// started; past the checks: finished (the set-aside container removed).</item>
/// </list>
/// Afterwards exactly one version serves and the record says which. The proxy's routes are re-applied from the
/// record whatever happened, so a proxy that lost its container comes back with them.
/// </summary>
public static class KilledDeployRecovery
{
    /// <summary>What was done, one sentence; null when the record showed no deploy in progress.</summary>
    public static async Task<string?> RunAsync(DeployContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = context.Record;
        return record.Phase switch
        {
            DeployPhase.Steady => await ReapplyRoutesAsync(context, cancellationToken).ConfigureAwait(false),
            DeployPhase.Replacing or DeployPhase.Replaced => await RecreateAsync(context, record, cancellationToken).ConfigureAwait(false),
            _ => await BlueGreenAsync(context, record, cancellationToken).ConfigureAwait(false),
        };
    }

    private static async Task<string?> ReapplyRoutesAsync(DeployContext context, CancellationToken cancellationToken)
    {
        if (context.Record.Strategy != "blue-green" || Slot.Find(context.Options, context.Record.LiveSlot) is not { } live)
        {
            return null;
        }

        // A proxy that was removed (or never came back) is created again with the record's routes.
        var proxy = context.Proxy();
        if (await proxy.RunningIdAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            await proxy.ApplyAsync(live.Serving(context.Options), cancellationToken).ConfigureAwait(false);
            return $"the proxy was not running; it was created again with the record's routes (users → {live.Name})";
        }

        return null;
    }

    private static async Task<string> BlueGreenAsync(DeployContext context, DeployRecord record, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var live = Slot.Find(options, record.LiveSlot);
        var candidate = Slot.Find(options, record.Candidate);
        var proxy = context.Proxy();
        if (record.Phase == DeployPhase.Finishing)
        {
            // The new version passed its window: live already names it, candidate names the one to remove.
            if (candidate is not null)
            {
                await context.RemoveAsync(candidate.ContainerName, cancellationToken, graceSeconds: 10).ConfigureAwait(false);
            }

            await proxy.ApplyAsync(live?.Serving(options) ?? new ProxyRoutes(null, null), cancellationToken).ConfigureAwait(false);
            await context.SaveAsync(record.Settled(), cancellationToken).ConfigureAwait(false);
            return $"finished the deploy of {record.LiveImage} that {record.Run} left in its last phase: removed {candidate?.ContainerName ?? "nothing"}, users → {live?.Name ?? "none"}";
        }

        var liveHealthy = live is not null && await AnswersAsync(context, live, cancellationToken).ConfigureAwait(false);
        var candidateHealthy = !liveHealthy && candidate is not null && await AnswersAsync(context, candidate, cancellationToken).ConfigureAwait(false);
        if (candidateHealthy && candidate is not null)
        {
            await proxy.ApplyAsync(candidate.Serving(options), cancellationToken).ConfigureAwait(false);
            var kept = record.WithCandidateLive().Settled() with { LiveSlot = candidate.Name, PreviousImage = record.LiveImage, PreviousImageId = record.LiveImageId };
            await context.SaveAsync(kept, cancellationToken).ConfigureAwait(false);
            return $"kept {candidate.Name} ({record.CandidateImage}) from the deploy {record.Run} left half-done: the previous version no longer answers";
        }

        if (candidate is not null)
        {
            await context.RemoveAsync(candidate.ContainerName, cancellationToken, graceSeconds: 10).ConfigureAwait(false);
        }

        await proxy.ApplyAsync(liveHealthy ? live!.Serving(options) : new ProxyRoutes(null, null), cancellationToken).ConfigureAwait(false);
        await context.SaveAsync(record.Settled(), cancellationToken).ConfigureAwait(false);
        return liveHealthy
            ? $"undid the deploy of {record.CandidateImage} that {record.Run} left {Describe(record.Phase)}: removed {candidate?.ContainerName}, users → {live!.Name} ({record.LiveImage})"
            : $"undid the deploy of {record.CandidateImage} that {record.Run} left {Describe(record.Phase)}; no version answered, so none serves until this deploy";
    }

    private static async Task<string> RecreateAsync(DeployContext context, DeployRecord record, CancellationToken cancellationToken)
    {
        var aside = record.Candidate ?? context.ServiceName + RecreateDeploy.AsideSuffix;
        var asideContainer = await context.InspectAsync(aside, cancellationToken).ConfigureAwait(false);
        if (record.Phase == DeployPhase.Replaced || asideContainer is null)
        {
            // Past the checks (or killed before the old container was set aside): what runs under the name stays.
            if (asideContainer is not null)
            {
                await context.RemoveAsync(asideContainer.ID, cancellationToken).ConfigureAwait(false);
            }

            var current = await context.InspectAsync(context.ServiceName, cancellationToken).ConfigureAwait(false);
            if (current is not null && current.State?.Running != true)
            {
                await context.Docker.Containers.StartContainerAsync(current.ID, new Docker.DotNet.Models.ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            }

            var finished = record.Phase == DeployPhase.Replaced;
            await context.SaveAsync((finished ? record.WithCandidateLive() : record).Settled(), cancellationToken).ConfigureAwait(false);
            return finished
                ? $"finished the recreate of {record.CandidateImage} that {record.Run} left: removed the set-aside container"
                : $"the recreate {record.Run} left had not set the old container aside yet; {context.ServiceName} stays as it is";
        }

        await context.RemoveAsync(context.ServiceName, cancellationToken, graceSeconds: 5).ConfigureAwait(false);
        var problem = await RecreateDeploy.Restore(context, asideContainer.ID, cancellationToken).ConfigureAwait(false);
        await context.SaveAsync(record.Settled(), cancellationToken).ConfigureAwait(false);
        return problem is null
            ? $"undid the recreate of {record.CandidateImage} that {record.Run} left half-done: {context.ServiceName} runs {record.LiveImage} again"
            : $"undid the recreate of {record.CandidateImage} that {record.Run} left half-done, but {record.LiveImage} does not answer: {problem}";
    }

    private static async Task<bool> AnswersAsync(DeployContext context, Slot slot, CancellationToken cancellationToken)
    {
        var container = await context.InspectAsync(slot.ContainerName, cancellationToken).ConfigureAwait(false);
        if (container?.State?.Running != true)
        {
            return false;
        }

        // The slot's own loopback port is not reachable from everywhere; the container's state and Docker's health say enough.
        return container.State.Health?.Status is null or "" or "healthy" or "starting";
    }

    private static string Describe(DeployPhase phase) => phase switch
    {
        DeployPhase.CandidateStarting => "while the new version started",
        DeployPhase.Switched => "in its verify window",
        _ => "while it switched back",
    };
}
