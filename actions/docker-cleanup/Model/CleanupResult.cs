namespace Tailpaste.DockerCleanup.Model;

/// <summary>Every resource the action considered, per kind, and the totals the outputs report.</summary>
public sealed record CleanupResult(
    IReadOnlyDictionary<ResourceKind, IReadOnlyList<ResourceOutcome>> Outcomes,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt)
{
    public IReadOnlyList<ResourceOutcome> Of(ResourceKind kind) => Outcomes.TryGetValue(kind, out var list) ? list : [];

    public IEnumerable<ResourceOutcome> All => Outcomes.OrderBy(kv => kv.Key).SelectMany(kv => kv.Value);

    /// <summary>Removed (or, in a dry run, would be removed) of one kind; images count once per ID.</summary>
    public int RemovedCount(ResourceKind kind) => Of(kind).Count(o => o.IsRemoval);

    public long ReclaimedBytes => All.Where(o => o.IsRemoval).Sum(o => o.Resource.SizeBytes ?? 0);

    public int ProtectedCount => All.Count(o => o.Outcome == Outcome.Protected);

    public IReadOnlyList<ResourceOutcome> Failures => All.Where(o => o.Outcome == Outcome.Failed).ToList();
}
