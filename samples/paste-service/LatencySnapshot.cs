namespace Tailpaste.PasteService;

/// <summary>
/// One consistent reading of a <see cref="LatencyHistogram"/>: cumulative counts per bucket bound
/// (each includes all faster requests), the total count (the +Inf bucket) and the sum in seconds.
/// </summary>
public sealed record LatencySnapshot(IReadOnlyList<long> CumulativeCounts, long Count, double SumSeconds);
