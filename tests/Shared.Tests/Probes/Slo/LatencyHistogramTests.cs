using System.Diagnostics;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Shared.Tests.Probes.Slo;

public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(95)]
    [InlineData(99)]
    [InlineData(99.9)]
    public void Percentiles_LieWithinTheStatedPrecisionOfTheExactValue(double percentile)
    {
        // 20,000 distinct latencies from 0.05 ms to 1000 ms: the exact percentile is known by sorting.
        var random = new Random(7);
        var samples = Enumerable.Range(0, 20_000).Select(_ => 0.05 + (random.NextDouble() * 999.95)).ToArray();
        var histogram = new LatencyHistogram();
        foreach (var ms in samples)
        {
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        }

        Array.Sort(samples);
        var exact = samples[(int)Math.Ceiling(percentile / 100 * samples.Length) - 1];
        var measured = histogram.PercentileMs(percentile);

        // Three significant digits: 0.1 % of the value, plus the microsecond unit.
        Assert.InRange(measured, (exact * 0.999) - 0.001, (exact * 1.001) + 0.001);
    }

    [Fact]
    public void MinMaxAndMean_AreExact()
    {
        var histogram = new LatencyHistogram();
        foreach (var ms in new[] { 3.0, 1500.0, 12.5 })
        {
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(3, histogram.Count);
        Assert.Equal(3.0, histogram.MinMs);
        Assert.Equal(1500.0, histogram.MaxMs);
        Assert.Equal(505.1666, histogram.MeanMs, 3);
        Assert.Equal(1500.0, histogram.PercentileMs(100));
    }

    [Fact]
    public void Memory_IsFixed_WhateverTheNumberOfSamples()
    {
        var histogram = new LatencyHistogram();
        var empty = histogram.FootprintBytes;
        for (var i = 0; i < 1_000_000; i++)
        {
            histogram.Record(TimeSpan.FromMicroseconds(i * 37 % 3_000_000_000L));
        }

        Assert.Equal(empty, histogram.FootprintBytes);
        Assert.InRange(empty, 1, 256 * 1024);
    }

    [Fact]
    public void RecordElapsed_ConvertsStopwatchTimestamps()
    {
        var histogram = new LatencyHistogram();
        var start = Stopwatch.GetTimestamp();

        histogram.RecordElapsed(start, start + (Stopwatch.Frequency / 4));

        Assert.Equal(250.0, histogram.MaxMs, 3);
    }

    [Fact]
    public void LatencyAboveAnHour_IsClampedAndCounted()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(TimeSpan.FromHours(2));

        Assert.Equal(1, histogram.Clamped);
        Assert.Equal(LatencyHistogram.HighestTrackable.TotalMilliseconds, histogram.MaxMs);
    }

    [Fact]
    public void Add_MergesSamples_AndEmptyHasNoValues()
    {
        var first = new LatencyHistogram();
        var second = new LatencyHistogram();
        first.Record(TimeSpan.FromMilliseconds(10));
        second.Record(TimeSpan.FromMilliseconds(30));
        second.Record(TimeSpan.FromMilliseconds(20));

        first.Add(second);
        first.Add(new LatencyHistogram());

        Assert.Equal(3, first.Count);
        Assert.Equal(10.0, first.MinMs);
        Assert.Equal(30.0, first.MaxMs);
        Assert.Equal(20.0, first.MeanMs, 3);
        Assert.Equal(20.0, first.PercentileMs(50), 1);
        var empty = new LatencyHistogram();
        Assert.True(double.IsNaN(empty.PercentileMs(95)));
        Assert.True(double.IsNaN(empty.MaxMs));
        first.Reset();
        Assert.Equal(0, first.Count);
        Assert.True(double.IsNaN(first.MeanMs));
    }
}
