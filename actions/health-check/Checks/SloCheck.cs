using System.Globalization;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// The load test and SLO gate (issue 13's slo probe): GETs of slo-paths in turn, closed model (concurrency
/// workers) or open model (rate per second, each request timed from when it was due), then slo's thresholds on
/// the service's paths and health-slo's on health-path alone. Every failed threshold is an error naming it,
/// the value observed and its sample count.
/// </summary>
public sealed class SloCheck : IHealthCheck
{
    public string Name => CheckNames.Slo;

    /// <summary>The run and its verdicts once the check ran (for the step summary and outputs); null before, or when it could not run.</summary>
    public SloOutcome? Outcome { get; private set; }

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var probes = context.Options.Probes;
        var load = await LoadGenerator.RunAsync(probes.Load, observer: null, cancellationToken).ConfigureAwait(false);
        var outcome = Evaluate(load, probes.Load.Paths, probes.HealthPath, probes.Slo, probes.HealthSlo);
        Outcome = outcome;

        var p95Bound = probes.Slo.FirstOrDefault(t => t is { Metric: SloMetric.RequestDuration, Aggregation: SloAggregation.Percentile, Percentile: 95 })?.Bound;
        recorder.Measure(load.Latency.P95Ms, p95Bound, "ms");
        recorder.Metric("model", load.Model == LoadModel.Open ? "open" : "closed");
        recorder.Metric("service_paths", outcome.ServicePaths.ToList());
        recorder.Metric("thresholds", outcome.Service.Thresholds.ToList());
        recorder.Metric("health_path", outcome.HealthPath);
        recorder.Metric("health_thresholds", outcome.Health?.Thresholds.ToList());
        recorder.Metric("load", load);
        foreach (var failed in outcome.Service.Failed)
        {
            recorder.Error($"slo {failed.Threshold} failed: {failed.Reason}");
        }

        foreach (var failed in outcome.Health?.Failed ?? [])
        {
            recorder.Error($"health-slo {failed.Threshold} on {outcome.HealthPath} failed: {failed.Reason}");
        }

        if (load.StoppedAtTimeLimit)
        {
            recorder.Warning(string.Create(CultureInfo.InvariantCulture, $"the run hit its time limit of {probes.Load.EffectiveTimeLimit.TotalSeconds:0} s; requests in flight then counted as timed out"));
        }

        var thresholds = outcome.Service.Thresholds.Count + (outcome.Health?.Thresholds.Count ?? 0);
        var held = outcome.Service.Thresholds.Count(t => t.Passed) + (outcome.Health?.Thresholds.Count(t => t.Passed) ?? 0);
        recorder.Message = string.Create(
            CultureInfo.InvariantCulture,
            $"{load.Requests} requests ({Describe(probes.Load)}), p95 {Ms(load.Latency.P95Ms)}, error rate {load.ErrorRate ?? 0:0.####}; {held} of {thresholds} thresholds held");
    }

    /// <summary>slo on every path but the health path (or on all when that is the only one); health-slo on the health path's own requests.</summary>
    public static SloOutcome Evaluate(LoadResult load, IReadOnlyList<string> paths, string healthPath, IReadOnlyList<SloThreshold> slo, IReadOnlyList<SloThreshold> healthSlo)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(slo);
        ArgumentNullException.ThrowIfNull(healthSlo);
        var health = load.Paths.Where(p => p.Path == healthPath).ToList();
        var others = load.Paths.Where(p => p.Path != healthPath).ToList();
        if (healthSlo.Count == 0 || health.Count == 0)
        {
            return new SloOutcome(load, [.. paths.Distinct(StringComparer.Ordinal)], load.Evaluate(slo), healthPath, null);
        }

        var serviceScope = others.Count > 0 ? others : health;
        return new SloOutcome(
            load,
            [.. serviceScope.Select(p => p.Path).Distinct(StringComparer.Ordinal)],
            SloEvaluator.Evaluate(slo, Merge(serviceScope, load.Observation.Elapsed)),
            healthPath,
            SloEvaluator.Evaluate(healthSlo, Merge(health, load.Observation.Elapsed)));
    }

    private static SloObservation Merge(IReadOnlyList<LoadPathResult> paths, TimeSpan elapsed)
    {
        var latency = new LatencyHistogram();
        foreach (var path in paths)
        {
            latency.Add(path.Observation.Latency);
        }

        return new SloObservation(latency, paths.Sum(p => p.Requests), paths.Sum(p => p.Failures), elapsed);
    }

    private static string Describe(LoadPlan plan) => plan.Model == LoadModel.Open
        ? string.Create(CultureInfo.InvariantCulture, $"open model, {plan.Rate}/s, at most {plan.Concurrency} in flight")
        : string.Create(CultureInfo.InvariantCulture, $"closed model, {plan.Concurrency} workers");

    private static string Ms(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.#} ms") : "none";
}
