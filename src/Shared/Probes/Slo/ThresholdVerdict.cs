namespace Tailpaste.Shared.Probes.Slo;

/// <summary>How one threshold fared: the value observed, how many samples it rests on, and why it failed.</summary>
/// <param name="Threshold">The threshold's canonical text, e.g. <c>p(95)&lt;500</c>.</param>
/// <param name="Metric">k6's metric name, e.g. <c>http_req_duration</c>.</param>
/// <param name="Observed">The aggregated value (ms for latency, 0..1 for the error rate, requests/s, a count); null without samples.</param>
/// <param name="Samples">How many samples the value rests on (latency samples, or requests).</param>
/// <param name="Reason">Why it failed, in a sentence; null when it passed.</param>
public sealed record ThresholdVerdict(string Threshold, string Metric, double? Observed, long Samples, bool Passed, string? Reason);
