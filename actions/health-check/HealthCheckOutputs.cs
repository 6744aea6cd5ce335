namespace Tailpaste.HealthCheck;

/// <summary>The action's outputs; each property is the kebab-case output of the same name.</summary>
public sealed record HealthCheckOutputs(
    string Status,
    string FailedChecks,
    string ReportPath,
    double? P95Ms,
    double? ErrorRate,
    int ConsecutiveFailures,
    bool RecoveryDispatched,
    string SmokeFailedSteps,
    int? FuzzHighFindings,
    double? SloP95Ms,
    double? SloErrorRate);
