using Tailpaste.Shared.Probes.Slo;
using Tailpaste.Shared.Tests.Probes.Support;

namespace Tailpaste.Shared.Tests.Probes.Slo;

public sealed class SloWindowTests
{
    private static readonly IReadOnlyList<SloThreshold> _gate = SloThresholdParser.ParseAll(["p(95)<500", "rate<0.05"]);

    [Fact]
    public void OldSamples_SlideOutOfTheWindow()
    {
        var clock = new ManualTimeProvider();
        var window = new SloWindow(TimeSpan.FromSeconds(60), buckets: 6, clock);

        // A bad first minute: slow and failing.
        for (var i = 0; i < 50; i++)
        {
            window.Record(TimeSpan.FromMilliseconds(900), failed: i % 2 == 0);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.False(window.Evaluate(_gate).Passed);

        // Then 70 s of good answers: the bad minute has left the window.
        for (var i = 0; i < 70; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            window.Record(TimeSpan.FromMilliseconds(40), failed: false);
        }

        // Now is 75 s: the window is the current 10 s bucket (70..80 s) and the five before it, from 20 s on,
        // which holds the good answers sent at 20..75 s.
        var observation = window.Observe();
        Assert.Equal(56, observation.Requests);
        Assert.Equal(0, observation.Failures);
        Assert.Equal(40.0, observation.Latency.MaxMs, 3);
        Assert.True(window.Evaluate(_gate).Passed);
    }

    [Fact]
    public void WindowCoversTheCurrentBucketAndTheOnesBeforeIt()
    {
        var clock = new ManualTimeProvider();
        var window = new SloWindow(TimeSpan.FromSeconds(10), buckets: 10, clock);

        window.Record(TimeSpan.FromMilliseconds(10), failed: true);   // bucket 0
        clock.Advance(TimeSpan.FromSeconds(9.5));
        window.Record(TimeSpan.FromMilliseconds(20), failed: false);  // bucket 9
        Assert.Equal(2, window.Observe().Requests);
        Assert.Equal(TimeSpan.FromSeconds(9.5), window.Observe().Elapsed);

        clock.Advance(TimeSpan.FromSeconds(1));                        // now in bucket 10: bucket 0 is out
        var later = window.Observe();
        Assert.Equal(1, later.Requests);
        Assert.Equal(0, later.Failures);
        Assert.Equal(TimeSpan.FromSeconds(9.5), later.Elapsed);
    }

    [Fact]
    public void EmptyWindow_FailsItsThresholds()
    {
        var window = new SloWindow(TimeSpan.FromSeconds(30), time: new ManualTimeProvider());

        var verdict = window.Evaluate(_gate);

        Assert.False(verdict.Passed);
        Assert.All(verdict.Thresholds, t => Assert.StartsWith("no samples", t.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void RequestWithoutAnAnswer_CountsAsAFailureWithoutALatency()
    {
        var window = new SloWindow(TimeSpan.FromSeconds(30), time: new ManualTimeProvider());

        window.Record(latency: null, failed: true);

        var observation = window.Observe();
        Assert.Equal(1, observation.Requests);
        Assert.Equal(1, observation.Failures);
        Assert.Equal(0, observation.Latency.Count);
    }

    [Fact]
    public async Task ConcurrentRecording_LosesNothing()
    {
        var window = new SloWindow(TimeSpan.FromMinutes(5));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                window.Record(TimeSpan.FromMilliseconds(i % 100), failed: i % 100 == 0);
            }
        })));

        var observation = window.Observe();
        Assert.Equal(20_000, observation.Requests);
        Assert.Equal(200, observation.Failures);
        Assert.Equal(20_000, observation.Latency.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void BucketCount_IsBounded(int buckets) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SloWindow(TimeSpan.FromMinutes(1), buckets));
}
