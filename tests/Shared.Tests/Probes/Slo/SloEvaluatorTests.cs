using System.Text.Json;
using Tailpaste.Shared.Probes.Slo;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.Shared.Tests.Probes.Slo;

public sealed class SloEvaluatorTests
{
    [Fact]
    public void ThresholdOnAMetricWithNoSamples_Fails()
    {
        var nothing = new SloObservation(new LatencyHistogram(), Requests: 0, Failures: 0, TimeSpan.FromSeconds(10));

        var verdict = SloEvaluator.Evaluate(SloThresholdParser.ParseAll(["p(95)<500", "rate<0.01", "count<10"]), nothing);

        Assert.False(verdict.Passed);
        Assert.All(verdict.Thresholds, threshold =>
        {
            Assert.False(threshold.Passed);
            Assert.Null(threshold.Observed);
            Assert.Equal(0, threshold.Samples);
            Assert.StartsWith("no samples", threshold.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void LatencyWithoutRecordedDurations_FailsEvenWhenRequestsWereCounted()
    {
        // Every request timed out before an answer: the requests exist, the latency metric has nothing.
        var verdict = SloEvaluator.Evaluate(SloThresholdParser.Parse("p(95)<500"), new SloObservation(new LatencyHistogram(), 5, 5, TimeSpan.FromSeconds(1)));

        Assert.False(verdict.Passed);
        Assert.Equal(0, verdict.Samples);
    }

    [Fact]
    public void Evaluate_ReportsEachObservedValueWithItsSampleCount()
    {
        var latency = new LatencyHistogram();
        for (var ms = 1; ms <= 100; ms++)
        {
            latency.Record(TimeSpan.FromMilliseconds(ms));
        }

        var observation = new SloObservation(latency, Requests: 200, Failures: 3, TimeSpan.FromSeconds(4));
        var thresholds = SloThresholdParser.ParseAll(
            ["p(95)<500", "p(99)<50", "avg<60", "med<=50", "min>=1", "max<2000", "rate<0.01", "count>100", "count<150", "http_req_failed:count<5", "http_reqs:rate>=50"]);

        var verdict = SloEvaluator.Evaluate(thresholds, observation);

        var byText = verdict.Thresholds.ToDictionary(t => t.Threshold);
        Assert.True(byText["p(95)<500"].Passed);
        Assert.Equal(95.0, byText["p(95)<500"].Observed!.Value, 1);
        Assert.Equal(100, byText["p(95)<500"].Samples);
        Assert.False(byText["p(99)<50"].Passed);
        Assert.Equal(99.0, byText["p(99)<50"].Observed!.Value, 1);
        Assert.EndsWith("does not satisfy p(99)<50 (100 samples)", byText["p(99)<50"].Reason, StringComparison.Ordinal);
        Assert.True(byText["avg<60"].Passed);
        Assert.Equal(50.5, byText["avg<60"].Observed!.Value, 3);
        Assert.True(byText["med<=50"].Passed);
        Assert.Equal(1.0, byText["min>=1"].Observed);
        Assert.Equal(100.0, byText["max<2000"].Observed);
        Assert.False(byText["rate<0.01"].Passed);
        Assert.Equal(0.015, byText["rate<0.01"].Observed);
        Assert.Equal(200, byText["rate<0.01"].Samples);
        Assert.True(byText["count>100"].Passed);
        Assert.False(byText["count<150"].Passed);
        Assert.Equal(200.0, byText["count<150"].Observed);
        Assert.True(byText["http_req_failed:count<5"].Passed);
        Assert.Equal(3.0, byText["http_req_failed:count<5"].Observed);
        Assert.Equal(50.0, byText["http_reqs:rate>=50"].Observed);
        Assert.False(verdict.Passed);
        Assert.Equal(["p(99)<50", "rate<0.01", "count<150"], verdict.Failed.Select(t => t.Threshold));
    }

    [Fact]
    public void Verdict_SerialisesToJson_WithObservedValuesAndSampleCounts()
    {
        var latency = new LatencyHistogram();
        latency.Record(TimeSpan.FromMilliseconds(120));
        var verdict = SloEvaluator.Evaluate(SloThresholdParser.ParseAll(["p(95)<500", "rate<0.01"]), new SloObservation(latency, 1, 0, TimeSpan.FromSeconds(1)));

        using var json = JsonDocument.Parse(JsonReportWriter.Serialize(verdict));

        var root = json.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        var first = root.GetProperty("thresholds")[0];
        Assert.Equal("p(95)<500", first.GetProperty("threshold").GetString());
        Assert.Equal("http_req_duration", first.GetProperty("metric").GetString());
        Assert.Equal(120.0, first.GetProperty("observed").GetDouble(), 1);
        Assert.Equal(1, first.GetProperty("samples").GetInt64());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("reason").ValueKind);
        Assert.Equal(0.0, root.GetProperty("thresholds")[1].GetProperty("observed").GetDouble());
    }
}
