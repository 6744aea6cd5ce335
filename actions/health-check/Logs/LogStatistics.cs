namespace Tailpaste.HealthCheck.Logs;

/// <summary>What a log said, in numbers (all bounded in size, whatever the log's length).</summary>
public sealed record LogStatistics
{
    public long TotalLines { get; init; }

    public long Requests { get; init; }

    public IReadOnlyDictionary<string, long> RequestsByMethod { get; init; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> StatusCodes { get; init; } = new Dictionary<string, long>();

    public IReadOnlyList<PathCount> TopPaths { get; init; } = [];

    public long UniqueClientIps { get; init; }

    /// <summary>True when <see cref="UniqueClientIps"/> is an estimate (very many distinct addresses).</summary>
    public bool UniqueClientIpsEstimated { get; init; }

    public long ServerErrors { get; init; }

    public long ErrorCount { get; init; }

    public long WarningCount { get; init; }

    public IReadOnlyDictionary<string, long> ErrorsByCategory { get; init; } = new Dictionary<string, long>();

    /// <summary>The last few error lines, shortened.</summary>
    public IReadOnlyList<string> RecentErrors { get; init; } = [];
}
