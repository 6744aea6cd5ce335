using System.Globalization;

namespace Tailpaste.Shared.Probes.Slo;

/// <summary>
/// One parsed threshold, e.g. <c>p(95)&lt;500</c>: the metric, how its samples are reduced, and the bound the
/// reduced value must keep. Build one with <see cref="SloThresholdParser"/>.
/// </summary>
/// <param name="Percentile">The N of <c>p(N)</c>, 0..100; null for every other aggregation.</param>
public sealed record SloThreshold(SloMetric Metric, SloAggregation Aggregation, double? Percentile, ThresholdOperator Operator, double Bound)
{
    /// <summary>k6's name of the metric (<c>http_req_duration</c>, <c>http_req_failed</c>, <c>http_reqs</c>).</summary>
    public string MetricName => SloMetricNames.Of(Metric);

    /// <summary>The aggregation as written: <c>p(99.9)</c>, <c>avg</c>, <c>rate</c>...</summary>
    public string AggregationText => Aggregation switch
    {
        SloAggregation.Percentile => $"p({Format(Percentile ?? 0)})",
        SloAggregation.Average => "avg",
        SloAggregation.Median => "med",
        SloAggregation.Minimum => "min",
        SloAggregation.Maximum => "max",
        SloAggregation.Rate => "rate",
        SloAggregation.Count => "count",
        _ => throw new InvalidOperationException($"Unknown aggregation {Aggregation}."),
    };

    /// <summary>
    /// The canonical text: k6's form (<c>p(95)&lt;500</c>), with the metric prefix only when it is not the one
    /// the aggregation implies on its own (<c>http_req_failed:count&lt;5</c>, <c>http_reqs:rate&gt;100</c>).
    /// </summary>
    public string Expression
    {
        get
        {
            var body = $"{AggregationText}{Operator.Symbol()}{Format(Bound)}";
            return Metric == SloThresholdParser.ImpliedMetric(Aggregation) ? body : $"{MetricName}:{body}";
        }
    }

    public override string ToString() => Expression;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
