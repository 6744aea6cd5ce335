using System.Text.Json.Serialization;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Shared.Probes.Load;

/// <summary>
/// A finished load run: totals, latency figures (open model: timed from each request's due time), error rate,
/// throughput, and the same per path. Serialises to JSON as it is; <see cref="Observation"/> feeds the thresholds.
/// </summary>
/// <param name="observation">Every path's samples together.</param>
public sealed record LoadResult([property: JsonIgnore] SloObservation observation)
{
    public required LoadModel Model { get; init; }

    public required long Requests { get; init; }

    public required long Failures { get; init; }

    /// <summary>Failures per request, 0..1 (null without requests).</summary>
    public double? ErrorRate => Requests == 0 ? null : (double)Failures / Requests;

    /// <summary>From the start to the last request's end, in seconds.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>Requests per second over <see cref="ElapsedSeconds"/>.</summary>
    public double? RequestsPerSecond => Requests == 0 || ElapsedSeconds <= 0 ? null : Math.Round(Requests / ElapsedSeconds, 1);

    /// <summary>Latency the thresholds see: request start (open model: its due time) to last byte.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Open model only: from the actual send to the last byte, the figure a closed-model tool would print.</summary>
    public LatencySummary? ServiceTime { get; init; }

    /// <summary>
    /// Open model only: how late requests were sent after their due time. Large when the server held every
    /// connection (its stall, rightly counted in <see cref="Latency"/>) or when this machine could not keep up.
    /// </summary>
    public LatencySummary? SendDelay { get; init; }

    /// <summary>Answers by status code ("200", "500"...).</summary>
    public required IReadOnlyDictionary<string, long> Statuses { get; init; }

    /// <summary>Failed requests by reason (see <see cref="LoadFailure"/>).</summary>
    public required IReadOnlyDictionary<string, long> FailureReasons { get; init; }

    public required IReadOnlyList<LoadPathResult> Paths { get; init; }

    /// <summary>Untimed requests sent before the clock started (see <see cref="LoadPlan.Warmup"/>); in no other figure.</summary>
    public required int WarmupRequests { get; init; }

    /// <summary>True when the run's time limit cut it short; in-flight requests then counted as timed out.</summary>
    public required bool StoppedAtTimeLimit { get; init; }

    /// <summary>Every path's samples together, for <see cref="SloEvaluator"/>.</summary>
    [JsonIgnore]
    public SloObservation Observation { get; } = observation;

    public SloVerdict Evaluate(IEnumerable<SloThreshold> thresholds) => SloEvaluator.Evaluate(thresholds, Observation);
}
