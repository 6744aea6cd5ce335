using Docker.DotNet;
using Tailpaste.DockerCleanup.Engine;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Selection;

namespace Tailpaste.DockerCleanup;

/// <summary>
/// The cleanup itself: one inventory, then the removals in an order that works. Containers go first; networks,
/// images and volumes that some container uses follow them, in that order, planned against the containers that
/// are still there; those no container uses go alongside the containers. Every removal passes
/// one bound on the requests in flight. A dry run plans exactly the same way and removes nothing.
/// </summary>
public sealed class CleanupRunner
{
    /// <summary>Removals in flight at once: enough to hide the engine's latency, few enough for a small host.</summary>
    public const int MaxParallelRemovals = 8;

    /// <summary>
    /// Containers handled at once when some must be stopped first. Higher than <see cref="MaxParallelRemovals"/>
    /// because a clean stop is mostly waiting (up to stop-timeout for a process that ignores SIGTERM): the
    /// stops overlap, and the removals that follow still pass the removal bound. 40 running containers take
    /// about one stop-timeout, not five. Without stops, more workers would only queue at that bound.
    /// </summary>
    public const int MaxParallelContainers = 64;

    private readonly IDockerClient _client;
    private readonly CleanupOptions _options;
    private readonly TimeProvider _clock;

    public CleanupRunner(IDockerClient client, CleanupOptions options, TimeProvider? clock = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Lists what the engine holds. It only reads, so it may start before the engine has been probed.</summary>
    public async Task<Inventory> ReadInventoryAsync(CancellationToken cancellationToken)
    {
        var readAt = _clock.GetUtcNow();
        var inventory = await InventoryReader.ReadAsync(_client, _options.Resources, _options.Labels, _options.PruneDangling, cancellationToken).ConfigureAwait(false);
        return inventory with { ReadAt = readAt };
    }

    public async Task<CleanupResult> RunAsync(Inventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var started = inventory.ReadAt;
        var policy = new CleanupPolicy(_options.Labels, _options.ProtectLabels, _options.PruneDangling, _options.OlderThan, started);
        using var remover = new ResourceRemover(_client, policy, _options.StopTimeout, MaxParallelRemovals);
        var laterKinds = new[] { ResourceKind.Networks, ResourceKind.Images, ResourceKind.Volumes }.Where(_options.Resources.Contains).ToList();

        // What no container uses at all does not wait for the containers: it is removed alongside them, so the
        // engine is never idle between kinds. What some container uses waits for the container phase, and is
        // then judged against the containers that are still there.
        var anyContainer = ContainerUsage.Of(inventory.Containers);
        var usedByAContainer = laterKinds.ToDictionary(kind => kind, kind => inventory.Of(kind).ToLookup(r => anyContainer.InUseReason(r) is not null));
        var independent = laterKinds.ToDictionary(
            kind => kind,
            kind => ExecuteAsync(CleanupPlanner.Plan(usedByAContainer[kind][false], policy, usage: null), remover, MaxParallelRemovals, cancellationToken));

        var containerPlan = _options.Resources.Contains(ResourceKind.Containers) ? CleanupPlanner.Plan(inventory.Containers, policy, usage: null) : [];
        var stopsAhead = containerPlan.Any(p => p.Outcome == Outcome.WouldRemove && p.Resource.IsRunning);
        var containers = await ExecuteAsync(containerPlan, remover, stopsAhead ? MaxParallelContainers : MaxParallelRemovals, cancellationToken).ConfigureAwait(false);
        var outcomes = new Dictionary<ResourceKind, IReadOnlyList<ResourceOutcome>>();
        if (_options.Resources.Contains(ResourceKind.Containers))
        {
            outcomes[ResourceKind.Containers] = containers;
        }

        var gone = containers.Where(o => o.IsRemoval || o.Outcome == Outcome.AlreadyGone).Select(o => o.Resource.Id).ToHashSet(StringComparer.Ordinal);
        var staying = ContainerUsage.Of(inventory.Containers.Where(c => !gone.Contains(c.Id)));
        foreach (var kind in laterKinds)
        {
            var dependent = await ExecuteAsync(CleanupPlanner.Plan(usedByAContainer[kind][true], policy, staying), remover, MaxParallelRemovals, cancellationToken).ConfigureAwait(false);
            outcomes[kind] = InReportOrder([.. await independent[kind].ConfigureAwait(false), .. dependent]);
        }

        return new CleanupResult(outcomes, started, _clock.GetUtcNow());
    }

    private async Task<IReadOnlyList<ResourceOutcome>> ExecuteAsync(IReadOnlyList<ResourceOutcome> plan, ResourceRemover remover, int degree, CancellationToken cancellationToken)
    {
        var results = new ResourceOutcome[plan.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Count), parallel, async (i, ct) =>
        {
            var planned = plan[i];
            results[i] = planned.Outcome == Outcome.WouldRemove && !_options.DryRun
                ? await remover.RemoveAsync(planned, ct).ConfigureAwait(false)
                : planned;
        }).ConfigureAwait(false);

        return InReportOrder(results);
    }

    private static List<ResourceOutcome> InReportOrder(IEnumerable<ResourceOutcome> outcomes) =>
        outcomes.OrderBy(r => r.Resource.Name, StringComparer.Ordinal).ThenBy(r => r.Resource.Id, StringComparer.Ordinal).ToList();
}
