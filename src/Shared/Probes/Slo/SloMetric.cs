namespace Tailpaste.Shared.Probes.Slo;

/// <summary>The metrics a threshold can name, after k6's built-in HTTP metrics of the same meaning.</summary>
public enum SloMetric
{
    /// <summary><c>http_req_duration</c>: latency of each request in milliseconds, request start to last byte.</summary>
    RequestDuration,

    /// <summary><c>http_req_failed</c>: whether a request failed (no answer, or a status outside 2xx).</summary>
    RequestFailed,

    /// <summary><c>http_reqs</c>: the requests themselves, counted.</summary>
    Requests,
}
