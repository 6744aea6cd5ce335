using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Shared.Probes.Load;

/// <summary>The usual latency figures of a histogram, in ms (null without samples), for reports.</summary>
public sealed record LatencySummary(long Samples, double? MinMs, double? MeanMs, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs)
{
    public static LatencySummary Of(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return histogram.Count == 0
            ? new LatencySummary(0, null, null, null, null, null, null)
            : new LatencySummary(
                histogram.Count,
                Round(histogram.MinMs),
                Round(histogram.MeanMs),
                Round(histogram.PercentileMs(50)),
                Round(histogram.PercentileMs(95)),
                Round(histogram.PercentileMs(99)),
                Round(histogram.MaxMs));
    }

    // Microseconds are the histogram's unit; more digits would only be noise in a report.
    private static double Round(double ms) => Math.Round(ms, 3);
}
