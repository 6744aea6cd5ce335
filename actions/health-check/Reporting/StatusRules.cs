using Tailpaste.HealthCheck.Checks;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Reporting;

/// <summary>The seed's rules: how check results make an overall status, and which status fails the step.</summary>
public static class StatusRules
{
    public static OverallStatus Overall(IEnumerable<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var failed = results.Where(r => r.Status == CheckStatus.Failed).ToList();
        if (failed.Count == 0)
        {
            return OverallStatus.Healthy;
        }

        return failed.Any(r => CheckNames.Critical.Contains(r.Name)) ? OverallStatus.Unhealthy : OverallStatus.Degraded;
    }

    public static int ExitCode(OverallStatus status, FailOn failOn) => status switch
    {
        OverallStatus.Healthy => ExitCodes.Ok,
        OverallStatus.Degraded when failOn == FailOn.Unhealthy => ExitCodes.Ok,
        _ => ExitCodes.Failed,
    };
}
