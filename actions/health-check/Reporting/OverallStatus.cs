namespace Tailpaste.HealthCheck.Reporting;

/// <summary>The service's state after a run (serialised as healthy / degraded / unhealthy).</summary>
public enum OverallStatus
{
    Healthy,
    Degraded,
    Unhealthy,
}
