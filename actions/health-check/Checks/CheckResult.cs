namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// One check's outcome: status, a one-line message, the measured value against its threshold, how long the
/// check took, the errors and warnings it found and the metrics it measured.
/// </summary>
public sealed record CheckResult
{
    public required string Name { get; init; }

    public required CheckStatus Status { get; init; }

    public required string Message { get; init; }

    /// <summary>The one number the check is judged by (for example the average response time); null when none was measured.</summary>
    public double? Value { get; init; }

    /// <summary>The limit <see cref="Value"/> is compared with; null when the check has none.</summary>
    public double? Threshold { get; init; }

    /// <summary>Unit of <see cref="Value"/> and <see cref="Threshold"/> (ms, MB, count, percent).</summary>
    public string? Unit { get; init; }

    public double DurationMs { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Metrics { get; init; } = new Dictionary<string, object?>();
}
