using System.Globalization;
using System.Text;

namespace Tailpaste.PasteService;

/// <summary>Writes the service's metrics in the Prometheus text exposition format (version 0.0.4).</summary>
public static class PrometheusExposition
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public const string RequestsTotal = "tailpaste_http_requests_total";
    public const string RequestDuration = "tailpaste_http_request_duration_seconds";
    public const string BuildInfoMetric = "tailpaste_build_info";

    public static string Render(RequestMetrics metrics, BuildInfo build)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(build);
        var text = new StringBuilder();

        text.Append("# HELP ").Append(BuildInfoMetric).Append(" The running build; the value is always 1.\n");
        text.Append("# TYPE ").Append(BuildInfoMetric).Append(" gauge\n");
        text.Append(BuildInfoMetric).Append("{version=\"").Append(Escape(build.Version))
            .Append("\",commit=\"").Append(Escape(build.Commit)).Append("\"} 1\n");

        text.Append("# HELP ").Append(RequestsTotal).Append(" HTTP requests answered, by method, route template and status.\n");
        text.Append("# TYPE ").Append(RequestsTotal).Append(" counter\n");
        foreach (var (key, count) in metrics.RequestCounts())
        {
            text.Append(RequestsTotal)
                .Append("{method=\"").Append(Escape(key.Method))
                .Append("\",route=\"").Append(Escape(key.Route))
                .Append("\",status=\"").Append(key.Status.ToString(CultureInfo.InvariantCulture))
                .Append("\"} ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("# HELP ").Append(RequestDuration).Append(" Time from request received to response finished, by route template.\n");
        text.Append("# TYPE ").Append(RequestDuration).Append(" histogram\n");
        foreach (var (route, histogram) in metrics.LatencyByRoute())
        {
            var label = Escape(route);
            var snapshot = histogram.Snapshot();
            for (var i = 0; i < LatencyHistogram.BucketBounds.Count; i++)
            {
                AppendBucket(text, label, Number(LatencyHistogram.BucketBounds[i]), snapshot.CumulativeCounts[i]);
            }

            AppendBucket(text, label, "+Inf", snapshot.Count);
            text.Append(RequestDuration).Append("_sum{route=\"").Append(label).Append("\"} ")
                .Append(Number(snapshot.SumSeconds)).Append('\n');
            text.Append(RequestDuration).Append("_count{route=\"").Append(label).Append("\"} ")
                .Append(snapshot.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendBucket(StringBuilder text, string route, string bound, long count) =>
        text.Append(RequestDuration).Append("_bucket{route=\"").Append(route)
            .Append("\",le=\"").Append(bound).Append("\"} ")
            .Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Label values escape backslash, double quote and line feed; nothing else needs it.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
}
