namespace Tailpaste.HealthCheck.Reporting;

/// <summary>Which overall status makes the step fail.</summary>
public enum FailOn
{
    /// <summary>Degraded and unhealthy both fail: exit 0 only when healthy, the seed's rule and the default.</summary>
    Degraded,

    /// <summary>Only unhealthy fails; a degraded service (a non-critical check failed) passes.</summary>
    Unhealthy,
}
