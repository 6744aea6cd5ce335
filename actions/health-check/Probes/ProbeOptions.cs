using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.HealthCheck.Probes;

/// <summary>What the smoke, fuzz and slo checks need beyond the shared options, bound by <see cref="ProbeBinder"/>.</summary>
public sealed record ProbeOptions
{
    /// <summary>The health endpoint's path: fuzz GETs it after its run; slo holds its requests to <see cref="HealthSlo"/>.</summary>
    public required string HealthPath { get; init; }

    /// <summary>Thresholds for the slo check's requests (those to the health path aside, when <see cref="HealthSlo"/> has any).</summary>
    public required IReadOnlyList<SloThreshold> Slo { get; init; }

    /// <summary>Thresholds for the requests to the health path alone; empty counts that path with the others.</summary>
    public required IReadOnlyList<SloThreshold> HealthSlo { get; init; }

    /// <summary>The slo check's load, validated; its URL is the service URL.</summary>
    public required LoadPlan Load { get; init; }
}
