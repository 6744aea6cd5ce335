namespace Tailpaste.Shared.Probes.Slo;

/// <summary>
/// What thresholds are evaluated on: the latency samples, how many requests there were, how many failed, and
/// over how long (for <c>http_reqs:rate</c>). A load run, one path of it or a sliding window each produce one.
/// </summary>
/// <param name="Latency">http_req_duration's samples.</param>
/// <param name="Requests">http_reqs: every request sent, failed or not.</param>
/// <param name="Failures">Requests that failed: no complete answer, or a status outside 2xx.</param>
/// <param name="Elapsed">The span the requests were sent in.</param>
public sealed record SloObservation(LatencyHistogram Latency, long Requests, long Failures, TimeSpan Elapsed)
{
    /// <summary>Failures per request, 0..1; NaN without requests.</summary>
    public double ErrorRate => Requests == 0 ? double.NaN : (double)Failures / Requests;

    /// <summary>Requests per second over <see cref="Elapsed"/>; NaN when nothing was sent or no time passed.</summary>
    public double RequestsPerSecond => Requests == 0 || Elapsed <= TimeSpan.Zero ? double.NaN : Requests / Elapsed.TotalSeconds;
}
