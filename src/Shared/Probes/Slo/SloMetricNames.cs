namespace Tailpaste.Shared.Probes.Slo;

/// <summary>k6's names for <see cref="SloMetric"/>, used in thresholds (<c>http_req_failed:rate&lt;0.01</c>) and verdicts.</summary>
public static class SloMetricNames
{
    public const string RequestDuration = "http_req_duration";
    public const string RequestFailed = "http_req_failed";
    public const string Requests = "http_reqs";

    public static string Of(SloMetric metric) => metric switch
    {
        SloMetric.RequestDuration => RequestDuration,
        SloMetric.RequestFailed => RequestFailed,
        SloMetric.Requests => Requests,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    public static bool TryParse(string name, out SloMetric metric)
    {
        switch (name)
        {
            case RequestDuration:
                metric = SloMetric.RequestDuration;
                return true;
            case RequestFailed:
                metric = SloMetric.RequestFailed;
                return true;
            case Requests:
                metric = SloMetric.Requests;
                return true;
            default:
                metric = default;
                return false;
        }
    }
}
