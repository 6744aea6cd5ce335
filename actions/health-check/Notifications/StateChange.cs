using Tailpaste.HealthCheck.Reporting;

namespace Tailpaste.HealthCheck.Notifications;

/// <summary>The overall status moved from one state to another between two runs.</summary>
public sealed record StateChange(
    OverallStatus? Previous,
    OverallStatus Current,
    IReadOnlyList<string> FailedChecks,
    string ServiceUrl,
    DateTimeOffset Timestamp,
    int ConsecutiveFailures,
    bool RecoveryDispatched)
{
    /// <summary>A first run counts as a change from healthy, so a service that starts broken is announced and one that starts well is not.</summary>
    public bool IsChange => (Previous ?? OverallStatus.Healthy) != Current;
}
