using System.Diagnostics;
using HdrHistogram;

namespace Tailpaste.Shared.Probes.Slo;

/// <summary>
/// Latencies in an HDR histogram of fixed memory (about 185 KB, whatever the number of samples): microsecond
/// units from 1 µs to one hour, three significant digits, so every percentile is within 0.1 % of the true
/// sample value (e.g. ±0.5 ms at 500 ms). Min, max and mean are kept exactly beside it. Longer latencies are
/// recorded as one hour and counted in <see cref="Clamped"/>. Not thread-safe: give each worker its own and
/// <see cref="Add"/> them, or lock.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Significant decimal digits kept for every value (HDR's precision setting).</summary>
    public const int SignificantDigits = 3;

    /// <summary>The largest latency told apart from larger ones.</summary>
    public static readonly TimeSpan HighestTrackable = TimeSpan.FromHours(1);

    private const long HighestMicroseconds = 3_600_000_000;
    private const double MicrosecondsPerMillisecond = 1000;

    private readonly LongHistogram _histogram = new(HighestMicroseconds, SignificantDigits);
    private long _minMicroseconds = long.MaxValue;
    private long _maxMicroseconds;
    private double _sumMicroseconds;

    /// <summary>Samples recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Samples longer than <see cref="HighestTrackable"/>, recorded as that.</summary>
    public long Clamped { get; private set; }

    /// <summary>Bytes the histogram holds, the same for one sample or a billion.</summary>
    public int FootprintBytes => _histogram.GetEstimatedFootprintInBytes();

    public double MinMs => Count == 0 ? double.NaN : _minMicroseconds / MicrosecondsPerMillisecond;

    public double MaxMs => Count == 0 ? double.NaN : _maxMicroseconds / MicrosecondsPerMillisecond;

    public double MeanMs => Count == 0 ? double.NaN : _sumMicroseconds / Count / MicrosecondsPerMillisecond;

    /// <summary>Records the time between two <see cref="Stopwatch.GetTimestamp"/> readings.</summary>
    public void RecordElapsed(long startTimestamp, long endTimestamp) =>
        RecordMicroseconds((long)((endTimestamp - startTimestamp) * (1_000_000.0 / Stopwatch.Frequency)));

    public void Record(TimeSpan latency) => RecordMicroseconds(latency.Ticks / TimeSpan.TicksPerMicrosecond);

    /// <summary>
    /// The latency at or below which <paramref name="percentile"/> % of the samples lie, in ms (NaN without samples).
    /// Reported as the middle of the sample's HDR bucket, so within 0.05 % of it; in the bucket of the smallest or
    /// largest sample, as that sample.
    /// </summary>
    public double PercentileMs(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (Count == 0)
        {
            return double.NaN;
        }

        // The bucket holding the smallest or largest sample reports that sample exactly.
        var bucketTop = _histogram.GetValueAtPercentile(percentile);
        var value = bucketTop >= _maxMicroseconds ? _maxMicroseconds
            : _histogram.LowestEquivalentValue(bucketTop) <= _minMicroseconds ? _minMicroseconds
            : _histogram.MedianEquivalentValue(bucketTop);
        return value / MicrosecondsPerMillisecond;
    }

    /// <summary>Adds every sample of <paramref name="other"/> to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        _histogram.Add(other._histogram);
        Count += other.Count;
        Clamped += other.Clamped;
        _sumMicroseconds += other._sumMicroseconds;
        _minMicroseconds = Math.Min(_minMicroseconds, other._minMicroseconds);
        _maxMicroseconds = Math.Max(_maxMicroseconds, other._maxMicroseconds);
    }

    /// <summary>Forgets every sample; the memory is kept for reuse.</summary>
    public void Reset()
    {
        _histogram.Reset();
        Count = 0;
        Clamped = 0;
        _sumMicroseconds = 0;
        _minMicroseconds = long.MaxValue;
        _maxMicroseconds = 0;
    }

    private void RecordMicroseconds(long microseconds)
    {
        microseconds = Math.Max(0, microseconds);
        if (microseconds > HighestMicroseconds)
        {
            microseconds = HighestMicroseconds;
            Clamped++;
        }

        _histogram.RecordValue(microseconds);
        Count++;
        _sumMicroseconds += microseconds;
        _minMicroseconds = Math.Min(_minMicroseconds, microseconds);
        _maxMicroseconds = Math.Max(_maxMicroseconds, microseconds);
    }
}
