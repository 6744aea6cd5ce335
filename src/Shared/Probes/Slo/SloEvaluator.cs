using System.Globalization;

namespace Tailpaste.Shared.Probes.Slo;

/// <summary>
/// Evaluates thresholds on an <see cref="SloObservation"/>. Unlike k6, a threshold on a metric with no samples
/// fails ("no samples"): a gate that saw nothing must not pass.
/// </summary>
public static class SloEvaluator
{
    public static SloVerdict Evaluate(IEnumerable<SloThreshold> thresholds, SloObservation observation)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(observation);
        return new SloVerdict([.. thresholds.Select(threshold => Evaluate(threshold, observation))]);
    }

    public static ThresholdVerdict Evaluate(SloThreshold threshold, SloObservation observation)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(observation);
        var samples = threshold.Metric == SloMetric.RequestDuration ? observation.Latency.Count : observation.Requests;
        if (samples == 0)
        {
            return new ThresholdVerdict(threshold.Expression, threshold.MetricName, null, 0, false, $"no samples: {threshold.MetricName} recorded nothing, so {threshold.Expression} cannot be shown to hold");
        }

        var observed = Observe(threshold, observation);
        if (double.IsNaN(observed))
        {
            return new ThresholdVerdict(threshold.Expression, threshold.MetricName, null, samples, false, $"{threshold.AggregationText} has no value: no time passed between the first and last request");
        }

        var passed = threshold.Operator.Holds(observed, threshold.Bound);
        var reason = passed
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{threshold.AggregationText}={observed:0.###} does not satisfy {threshold.Expression} ({samples} samples)");
        return new ThresholdVerdict(threshold.Expression, threshold.MetricName, observed, samples, passed, reason);
    }

    private static double Observe(SloThreshold threshold, SloObservation observation)
    {
        var latency = observation.Latency;
        return (threshold.Metric, threshold.Aggregation) switch
        {
            (SloMetric.RequestDuration, SloAggregation.Percentile) => latency.PercentileMs(threshold.Percentile ?? 0),
            (SloMetric.RequestDuration, SloAggregation.Median) => latency.PercentileMs(50),
            (SloMetric.RequestDuration, SloAggregation.Average) => latency.MeanMs,
            (SloMetric.RequestDuration, SloAggregation.Minimum) => latency.MinMs,
            (SloMetric.RequestDuration, SloAggregation.Maximum) => latency.MaxMs,
            (SloMetric.RequestFailed, SloAggregation.Rate) => observation.ErrorRate,
            (SloMetric.RequestFailed, SloAggregation.Count) => observation.Failures,
            (SloMetric.Requests, SloAggregation.Count) => observation.Requests,
            (SloMetric.Requests, SloAggregation.Rate) => observation.RequestsPerSecond,
            _ => throw new InvalidOperationException($"{threshold.MetricName} has no {threshold.AggregationText}."),
        };
    }
}
