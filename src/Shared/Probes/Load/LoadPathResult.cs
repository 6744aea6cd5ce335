using System.Text.Json.Serialization;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Shared.Probes.Load;

/// <summary>What one path of a load run saw.</summary>
/// <param name="Observation">This path's samples, for evaluating thresholds on it alone (e.g. the health path's own SLO).</param>
public sealed record LoadPathResult(string Path, [property: JsonIgnore] SloObservation Observation)
{
    public long Requests => Observation.Requests;

    public long Failures => Observation.Failures;

    /// <summary>Failures per request, 0..1 (null without requests).</summary>
    public double? ErrorRate => Requests == 0 ? null : Observation.ErrorRate;

    public LatencySummary Latency => LatencySummary.Of(Observation.Latency);
}
