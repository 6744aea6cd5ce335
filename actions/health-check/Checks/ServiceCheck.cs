using System.Globalization;
using Tailpaste.Shared.Http;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// <c>attempts</c> GETs of the service URL: each must answer 200; the average response time must stay under
/// <c>max-response-time-ms</c> (a slower single answer only warns); then one GET of the readiness path must answer 2xx.
/// </summary>
public sealed class ServiceCheck : IHealthCheck
{
    public string Name => CheckNames.Service;

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var options = context.Options;
        var attempts = new List<Dictionary<string, object?>>();
        var times = new List<double>();
        var failures = 0;
        for (var i = 1; i <= options.Service.Attempts; i++)
        {
            var result = await context.Probe.SendAsync(HttpProbeRequest.Get(options.ServiceUrl, options.ResponseTimeout), cancellationToken).ConfigureAwait(false);
            times.Add(result.ElapsedMs);
            var ok = result.Failure == HttpProbeFailure.None && result.StatusCode == 200;
            if (!ok)
            {
                failures++;
                recorder.Error(string.Create(CultureInfo.InvariantCulture, $"attempt {i}: {Describe(result)}"));
            }

            attempts.Add(new Dictionary<string, object?>
            {
                ["attempt"] = i,
                ["status_code"] = result.StatusCode,
                ["response_time_ms"] = Math.Round(result.ElapsedMs, 1),
                ["failure"] = result.Failure == HttpProbeFailure.None ? null : Words(result.Failure),
                ["error"] = result.Error,
            });
        }

        var average = times.Average();
        var max = times.Max();
        recorder.Measure(average, options.Service.MaxResponseTimeMs, "ms");
        recorder.Metric("url", options.ServiceUrlForDisplay);
        recorder.Metric("attempts", attempts);
        recorder.Metric("response_time_avg_ms", Math.Round(average, 1));
        recorder.Metric("response_time_max_ms", Math.Round(max, 1));
        recorder.Metric("response_time_p95_ms", Math.Round(Percentile.Of(times, 95) ?? 0, 1));
        recorder.Metric("error_rate", Math.Round((double)failures / options.Service.Attempts, 4));
        if (average > options.Service.MaxResponseTimeMs)
        {
            recorder.Error(string.Create(CultureInfo.InvariantCulture, $"average response time {average:0} ms is over the limit of {options.Service.MaxResponseTimeMs:0} ms"));
        }
        else if (max > options.Service.MaxResponseTimeMs)
        {
            recorder.Warning(string.Create(CultureInfo.InvariantCulture, $"slowest response took {max:0} ms, over the limit of {options.Service.MaxResponseTimeMs:0} ms (the average is within it)"));
        }

        if (options.ReadinessPath is { } path)
        {
            // The binder refused any path that leaves service-url's origin; this holds the line for other callers.
            var url = SameOriginPath.TryResolve(options.ServiceUrl, path, out var problem)
                ?? throw new InvalidDataException($"the readiness path {path} cannot be used: {problem}");
            var ready = await context.Probe.SendAsync(HttpProbeRequest.Get(url, options.ResponseTimeout), cancellationToken).ConfigureAwait(false);
            recorder.Metric("readiness", new Dictionary<string, object?>
            {
                ["url"] = UrlCredentials.Redact(url),
                ["status_code"] = ready.StatusCode,
                ["ready"] = ready.IsSuccess,
            });
            if (!ready.IsSuccess)
            {
                recorder.Error($"not ready: {path} gave {Describe(ready)}");
            }
        }

        recorder.Message = string.Create(CultureInfo.InvariantCulture, $"{options.Service.Attempts} of {options.Service.Attempts} answered 200, average {average:0} ms");
    }

    internal static string Describe(HttpProbeResult result) => result.Failure switch
    {
        HttpProbeFailure.None => string.Create(CultureInfo.InvariantCulture, $"status {result.StatusCode}"),
        _ => $"{Words(result.Failure)}: {result.Error}",
    };

    internal static string Words(HttpProbeFailure failure) => failure switch
    {
        HttpProbeFailure.Timeout => "timeout",
        HttpProbeFailure.DnsFailure => "dns failure",
        HttpProbeFailure.ConnectionFailure => "connection failure",
        HttpProbeFailure.TlsFailure => "tls failure",
        HttpProbeFailure.ProtocolFailure => "protocol failure",
        _ => "none",
    };
}
