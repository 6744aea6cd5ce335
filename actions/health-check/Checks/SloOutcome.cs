using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// A finished slo check: the load run, the verdict of <c>slo</c> on the service's paths, and (when health-slo
/// has thresholds and health-path was among slo-paths) the verdict of <c>health-slo</c> on that path alone.
/// </summary>
public sealed record SloOutcome(LoadResult Load, IReadOnlyList<string> ServicePaths, SloVerdict Service, string HealthPath, SloVerdict? Health)
{
    public bool Passed => Service.Passed && Health?.Passed != false;
}
