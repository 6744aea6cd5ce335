namespace Tailpaste.Deploy.Verification;

/// <summary>How one watch of the live URL runs and when it fails (after a cut-over, or after a rollback).</summary>
/// <param name="Length">How long to watch.</param>
/// <param name="Rate">The action's own probe requests per second through the proxy.</param>
/// <param name="ErrorRate">Share 0..1 of failed requests over the sliding window past which the watch fails.</param>
/// <param name="P95Ms">95th percentile latency over the sliding window past which it fails.</param>
/// <param name="LogErrors">Error lines the watched container may log during the watch.</param>
public sealed record WatchSettings(TimeSpan Length, int Rate, double ErrorRate, double P95Ms, int LogErrors)
{
    /// <summary>The thresholds are judged on the requests of the last 10 seconds, so a version that goes bad late is caught within seconds.</summary>
    public static readonly TimeSpan SlidingWindow = TimeSpan.FromSeconds(10);

    /// <summary>No verdict on fewer requests than this in the sliding window (one failure of three is no error rate).</summary>
    public const int MinimumRequests = 20;

    /// <summary>How often the window, the access log and the container's log are looked at.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
}
