namespace Tailpaste.Deploy.Verification;

/// <summary>
/// What one watch saw. The totals cover the whole watch (the report's cut-over error rate and p95); the failure
/// names the first threshold crossed over the sliding window, and when.
/// </summary>
public sealed record WatchOutcome
{
    /// <summary>Null when the watch passed; otherwise why it failed.</summary>
    public string? Failure { get; init; }

    public bool Passed => Failure is null;

    /// <summary>Seconds from the switch to the decision (the end of the watch when it passed).</summary>
    public double DecidedAfterSeconds { get; init; }

    /// <summary>Requests judged: the action's probe through the proxy plus users' requests from the access log.</summary>
    public long Requests { get; init; }

    public long ProbeRequests { get; init; }

    public long UserRequests { get; init; }

    public long Failures { get; init; }

    /// <summary>Probe requests the proxy itself refused (not counted against the new version: the proxy was down, as during a restart).</summary>
    public long ProxyUnreachable { get; init; }

    public double? ErrorRate { get; init; }

    public double? P95Ms { get; init; }

    public int LogErrors { get; init; }

    public IReadOnlyList<string> LogErrorExamples { get; init; } = [];

    /// <summary>Requests the replaced version was still serving at the switch (they finished on it).</summary>
    public long InFlightAtSwitch { get; init; }
}
