using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Shared.Tests.Probes.Slo;

public sealed class SloThresholdParserTests
{
    [Theory]
    [InlineData("p(95)<500", SloMetric.RequestDuration, SloAggregation.Percentile, 95.0, ThresholdOperator.Less, 500.0, "p(95)<500")]
    [InlineData("p(99.9)<=1200", SloMetric.RequestDuration, SloAggregation.Percentile, 99.9, ThresholdOperator.LessOrEqual, 1200.0, "p(99.9)<=1200")]
    [InlineData("p(99)<1000", SloMetric.RequestDuration, SloAggregation.Percentile, 99.0, ThresholdOperator.Less, 1000.0, "p(99)<1000")]
    [InlineData("avg<200", SloMetric.RequestDuration, SloAggregation.Average, null, ThresholdOperator.Less, 200.0, "avg<200")]
    [InlineData("med<100", SloMetric.RequestDuration, SloAggregation.Median, null, ThresholdOperator.Less, 100.0, "med<100")]
    [InlineData("min>=1", SloMetric.RequestDuration, SloAggregation.Minimum, null, ThresholdOperator.GreaterOrEqual, 1.0, "min>=1")]
    [InlineData("max<2000", SloMetric.RequestDuration, SloAggregation.Maximum, null, ThresholdOperator.Less, 2000.0, "max<2000")]
    [InlineData("rate<0.01", SloMetric.RequestFailed, SloAggregation.Rate, null, ThresholdOperator.Less, 0.01, "rate<0.01")]
    [InlineData("count>100", SloMetric.Requests, SloAggregation.Count, null, ThresholdOperator.Greater, 100.0, "count>100")]
    [InlineData("count<5000", SloMetric.Requests, SloAggregation.Count, null, ThresholdOperator.Less, 5000.0, "count<5000")]
    [InlineData("rate==0", SloMetric.RequestFailed, SloAggregation.Rate, null, ThresholdOperator.Equal, 0.0, "rate==0")]
    [InlineData("rate===0", SloMetric.RequestFailed, SloAggregation.Rate, null, ThresholdOperator.Equal, 0.0, "rate==0")]
    [InlineData("count!=0", SloMetric.Requests, SloAggregation.Count, null, ThresholdOperator.NotEqual, 0.0, "count!=0")]
    [InlineData("  p(90) < 300 ", SloMetric.RequestDuration, SloAggregation.Percentile, 90.0, ThresholdOperator.Less, 300.0, "p(90)<300")]
    [InlineData("http_req_duration:p(95)<500", SloMetric.RequestDuration, SloAggregation.Percentile, 95.0, ThresholdOperator.Less, 500.0, "p(95)<500")]
    [InlineData("http_req_failed: count<5", SloMetric.RequestFailed, SloAggregation.Count, null, ThresholdOperator.Less, 5.0, "http_req_failed:count<5")]
    [InlineData("http_reqs:rate>50", SloMetric.Requests, SloAggregation.Rate, null, ThresholdOperator.Greater, 50.0, "http_reqs:rate>50")]
    public void Parse_AcceptsK6Forms(string text, SloMetric metric, SloAggregation aggregation, double? percentile, ThresholdOperator comparison, double bound, string canonical)
    {
        var threshold = SloThresholdParser.Parse(text);

        Assert.Equal(new SloThreshold(metric, aggregation, percentile, comparison, bound), threshold);
        Assert.Equal(canonical, threshold.Expression);
        // The canonical text reads back to the same threshold.
        Assert.Equal(threshold, SloThresholdParser.Parse(threshold.Expression));
    }

    [Theory]
    [InlineData("p95<500", "write a percentile as p(95)")]
    [InlineData("p(95)<", "the value is missing")]
    [InlineData("rate<<1", "more than one operator")]
    [InlineData("p(95)", "the operator and value are missing")]
    [InlineData("", "it is empty")]
    [InlineData("p(101)<5", "above 100")]
    [InlineData("p()<5", "the percentile is missing")]
    [InlineData("p(95<500", "no closing parenthesis")]
    [InlineData("avg<500ms", "\"500ms\" is not a plain decimal number")]
    [InlineData("avg<1e3", "\"1e3\" is not a plain decimal number")]
    [InlineData("avg<-1", "\"-1\" is not a plain decimal number")]
    [InlineData("avg<.5", "\".5\" is not a plain decimal number")]
    [InlineData("avg 200", "\"200\" is not an operator")]
    [InlineData("avg=200", "\"=\" is not an operator")]
    [InlineData("mean<200", "\"mean\" is not an aggregation")]
    [InlineData("P(95)<500", "\"P(\" is not an aggregation")]
    [InlineData("http_req_failed:avg<1", "http_req_failed has no average aggregation")]
    [InlineData("http_req_duration:rate<0.01", "http_req_duration has no rate aggregation")]
    [InlineData("checks:rate>0.9", "\"checks\" is not a metric this probe measures")]
    public void Parse_RejectsOtherForms_WithTheReasonAndTheGrammar(string text, string reason)
    {
        var error = Assert.Throws<SloThresholdFormatException>(() => SloThresholdParser.Parse(text));

        Assert.Contains($"threshold \"{text}\" is not valid", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(SloThresholdParser.Grammar, error.Message, StringComparison.Ordinal);
        Assert.Equal(text, error.Text);
    }

    [Fact]
    public void Parse_ShortensAHugeValueInTheMessage()
    {
        var huge = "p(95)<" + new string('9', 100_000) + "x";

        var error = Assert.Throws<SloThresholdFormatException>(() => SloThresholdParser.Parse(huge));

        Assert.True(error.Message.Length < 1_000, $"The message is {error.Message.Length} characters long.");
    }

    [Fact]
    public void ParseAll_SkipsBlankLinesAndStopsAtTheFirstBadOne()
    {
        Assert.Equal(["p(95)<500", "rate<0.01"], SloThresholdParser.ParseAll(["p(95)<500", "  ", "rate<0.01"]).Select(t => t.Expression));
        var error = Assert.Throws<SloThresholdFormatException>(() => SloThresholdParser.ParseAll(["p(95)<500", "p99<1"]));
        Assert.Equal("p99<1", error.Text);
    }

    [Fact]
    public void Defaults_AreP95Under500AndErrorRateUnderOnePercent_AndP95Under200ForHealth()
    {
        Assert.Equal(["p(95)<500", "rate<0.01"], SloDefaults.Service.Select(t => t.Expression));
        Assert.Equal(["p(95)<200"], SloDefaults.Health.Select(t => t.Expression));
    }
}
