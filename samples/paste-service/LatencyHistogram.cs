namespace Tailpaste.PasteService;

/// <summary>A Prometheus-style cumulative histogram of request durations in seconds; safe under concurrency.</summary>
public sealed class LatencyHistogram
{
    /// <summary>Prometheus's default buckets: from 5 ms to 10 s, then +Inf.</summary>
    public static IReadOnlyList<double> BucketBounds { get; } =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // One lock keeps buckets, sum and count consistent with each other in every snapshot.
    private readonly Lock _gate = new();
    private readonly long[] _cumulativeCounts = new long[BucketBounds.Count];
    private long _count;
    private double _sumSeconds;

    public void Observe(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        lock (_gate)
        {
            for (var i = 0; i < BucketBounds.Count; i++)
            {
                if (seconds <= BucketBounds[i])
                {
                    _cumulativeCounts[i]++;
                }
            }

            _sumSeconds += seconds;
            _count++;
        }
    }

    public LatencySnapshot Snapshot()
    {
        lock (_gate)
        {
            return new LatencySnapshot([.. _cumulativeCounts], _count, _sumSeconds);
        }
    }
}
