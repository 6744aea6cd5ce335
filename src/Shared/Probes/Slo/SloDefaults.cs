namespace Tailpaste.Shared.Probes.Slo;

/// <summary>The thresholds used when none are given.</summary>
public static class SloDefaults
{
    /// <summary>For the service's paths: p95 under 500 ms and fewer than 1 % failed requests.</summary>
    public static IReadOnlyList<SloThreshold> Service { get; } = [SloThresholdParser.Parse("p(95)<500"), SloThresholdParser.Parse("rate<0.01")];

    /// <summary>For the health path, which does no real work and so must answer faster: p95 under 200 ms.</summary>
    public static IReadOnlyList<SloThreshold> Health { get; } = [SloThresholdParser.Parse("p(95)<200")];
}
