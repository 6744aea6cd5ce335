using Tailpaste.HealthCheck.Checks;

namespace Tailpaste.HealthCheck.Reporting;

/// <summary>One check in the report: the seed's <c>status</c>, plus the measured value, its threshold and the duration.</summary>
public sealed record CheckReport(
    CheckStatus Status,
    bool Critical,
    string Message,
    double? Value,
    double? Threshold,
    string? Unit,
    double DurationMs,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings)
{
    public static CheckReport From(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new CheckReport(
            result.Status,
            CheckNames.Critical.Contains(result.Name),
            result.Message,
            result.Value,
            result.Threshold,
            result.Unit,
            result.DurationMs,
            result.Errors,
            result.Warnings);
    }
}
