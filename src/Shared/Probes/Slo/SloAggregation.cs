namespace Tailpaste.Shared.Probes.Slo;

/// <summary>How a threshold reduces a metric's samples to one number (k6's aggregation methods).</summary>
public enum SloAggregation
{
    /// <summary><c>p(N)</c>: the N-th percentile of the latency, in ms.</summary>
    Percentile,

    /// <summary><c>avg</c>: mean latency, in ms.</summary>
    Average,

    /// <summary><c>med</c>: median latency, in ms (the same as <c>p(50)</c>).</summary>
    Median,

    /// <summary><c>min</c>: smallest latency, in ms.</summary>
    Minimum,

    /// <summary><c>max</c>: largest latency, in ms.</summary>
    Maximum,

    /// <summary><c>rate</c>: share of failed requests (0..1) on http_req_failed; requests per second on http_reqs.</summary>
    Rate,

    /// <summary><c>count</c>: number of requests on http_reqs; number of failed requests on http_req_failed.</summary>
    Count,
}
