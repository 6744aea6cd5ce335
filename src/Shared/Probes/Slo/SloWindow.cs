namespace Tailpaste.Shared.Probes.Slo;

/// <summary>
/// The same thresholds over a sliding window of time, for watching a service after a cut-over: samples go
/// into time buckets of <c>length / buckets</c>, and an evaluation merges the buckets that lie in the window
/// ending now (the current, partly filled bucket and the <c>buckets - 1</c> before it), so what is older than
/// the window drops out a bucket at a time. Memory is fixed: one <see cref="LatencyHistogram"/> per bucket.
/// Thread-safe; time comes from <see cref="TimeProvider"/>'s monotonic timestamp.
/// </summary>
public sealed class SloWindow
{
    public const int DefaultBuckets = 10;
    public const int MaxBuckets = 600;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Bucket[] _buckets;
    private readonly long _bucketTicks;

    /// <param name="length">How far back the window reaches, at least one millisecond per bucket.</param>
    /// <param name="buckets">How many slices it is cut into (1..600); more slices, smoother sliding, more memory.</param>
    /// <param name="time">The clock; the system's by default.</param>
    public SloWindow(TimeSpan length, int buckets = DefaultBuckets, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buckets, MaxBuckets);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, TimeSpan.FromMilliseconds(buckets));
        Length = length;
        _bucketTicks = length.Ticks / buckets;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
        _buckets = [.. Enumerable.Range(0, buckets).Select(_ => new Bucket())];
    }

    public TimeSpan Length { get; }

    public TimeSpan BucketWidth => TimeSpan.FromTicks(_bucketTicks);

    /// <summary>Records one request that just ended: its latency (null when it got no answer to time) and whether it failed.</summary>
    public void Record(TimeSpan? latency, bool failed)
    {
        var index = CurrentIndex(out _);
        lock (_gate)
        {
            var bucket = Claim(index);
            if (bucket is null)
            {
                return;
            }

            bucket.Requests++;
            if (failed)
            {
                bucket.Failures++;
            }

            if (latency is { } value)
            {
                bucket.Latency.Record(value);
            }
        }
    }

    /// <summary>Everything recorded within the window that ends now.</summary>
    public SloObservation Observe()
    {
        var current = CurrentIndex(out var now);
        var oldest = Math.Max(0, current - _buckets.Length + 1);
        var latency = new LatencyHistogram();
        long requests = 0, failures = 0;
        lock (_gate)
        {
            foreach (var bucket in _buckets)
            {
                if (bucket.Index >= oldest && bucket.Index <= current)
                {
                    latency.Add(bucket.Latency);
                    requests += bucket.Requests;
                    failures += bucket.Failures;
                }
            }
        }

        var covered = now - TimeSpan.FromTicks(oldest * _bucketTicks);
        return new SloObservation(latency, requests, failures, covered);
    }

    public SloVerdict Evaluate(IEnumerable<SloThreshold> thresholds) => SloEvaluator.Evaluate(thresholds, Observe());

    private long CurrentIndex(out TimeSpan sinceStart)
    {
        sinceStart = _time.GetElapsedTime(_started);
        return sinceStart.Ticks / _bucketTicks;
    }

    // Reuses the ring slot of an index, emptying it when it last held an older slice. Null when another thread
    // already moved the slot a whole window on: the sample has slid out of the window while it waited for the lock.
    private Bucket? Claim(long index)
    {
        var bucket = _buckets[index % _buckets.Length];
        if (bucket.Index > index)
        {
            return null;
        }

        if (bucket.Index != index)
        {
            bucket.Index = index;
            bucket.Requests = 0;
            bucket.Failures = 0;
            bucket.Latency.Reset();
        }

        return bucket;
    }

    private sealed class Bucket
    {
        public long Index { get; set; } = -1;

        public long Requests { get; set; }

        public long Failures { get; set; }

        public LatencyHistogram Latency { get; } = new();
    }
}
