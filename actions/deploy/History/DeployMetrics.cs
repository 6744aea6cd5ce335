namespace Tailpaste.Deploy.History;

/// <summary>
/// The seed's metrics over the last 30 days, from the shared history: deploys and their success rate, time to
/// deploy (median of successful ones), rollbacks and their share of deploys, MTTR (from the first unhealthy
/// health check to the next healthy one, on average) and availability (the share of health checks that found the
/// service healthy). Each is null when the history holds nothing to compute it from.
/// </summary>
public sealed record DeployMetrics
{
    public const int Days = 30;

    public int Deploys { get; init; }

    public int Succeeded { get; init; }

    public int Rollbacks { get; init; }

    public double? SuccessRate => Deploys == 0 ? null : Math.Round((double)Succeeded / Deploys, 4);

    public double? RollbackRate => Deploys == 0 ? null : Math.Round((double)Rollbacks / Deploys, 4);

    public double? MedianDeploySeconds { get; init; }

    public int HealthChecks { get; init; }

    public double? Availability { get; init; }

    public int Recoveries { get; init; }

    public double? MttrMinutes { get; init; }

    /// <summary>The newest deploys (oldest first, at most 20), for the chart.</summary>
    public IReadOnlyList<DeployHistoryRow> Recent { get; init; } = [];
}
