using System.Globalization;
using Tailpaste.Shared.Probes.Fuzz;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// The dynamic security test (issue 13's fuzz probe): a fixed set of hostile requests, one connection each, to
/// service-url's host and port; then health-path must still answer 2xx. A HIGH finding (5xx, crash, hang,
/// reflected or injected payload, disclosed file, unhealthy afterwards) fails the check; a MEDIUM one (a missing
/// security header) warns.
/// </summary>
public sealed class FuzzCheck : IHealthCheck
{
    public string Name => CheckNames.Fuzz;

    /// <summary>The probe's result once the check ran (for the step summary); null before, or when it could not run.</summary>
    public FuzzResult? Result { get; private set; }

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var options = context.Options;
        var result = await new FuzzProbe(context.Probe).RunAsync(
            new FuzzOptions(options.ServiceUrl) { HealthPath = options.Probes.HealthPath, RequestTimeout = options.ResponseTimeout },
            cancellationToken).ConfigureAwait(false);
        Result = result;

        recorder.Measure(result.HighFindings, 0, "findings");
        recorder.Metric("requests", result.Cases.Count);
        recorder.Metric("high_findings", result.HighFindings);
        recorder.Metric("medium_findings", result.MediumFindings);
        recorder.Metric("findings", result.Findings.ToList());
        recorder.Metric("healthy_after", result.HealthyAfter);
        recorder.Metric("health_after", result.HealthDetail);
        recorder.Metric("cases", result.Cases.ToList());
        foreach (var finding in result.Findings)
        {
            var text = $"{Severity(finding.Severity)} {Kind(finding.Kind)} ({finding.Case}): {finding.Detail}";
            if (finding.Severity == FuzzSeverity.High)
            {
                recorder.Error(text);
            }
            else
            {
                recorder.Warning(text);
            }
        }

        recorder.Message = string.Create(CultureInfo.InvariantCulture, $"{result.Cases.Count} hostile requests: {result.HighFindings} HIGH, {result.MediumFindings} MEDIUM findings; {result.HealthDetail}");
    }

    internal static string Severity(FuzzSeverity severity) => severity == FuzzSeverity.High ? "HIGH" : "MEDIUM";

    internal static string Kind(FuzzFindingKind kind) => kind switch
    {
        FuzzFindingKind.ServerError => "server error",
        FuzzFindingKind.Crash => "crash",
        FuzzFindingKind.Hang => "hang",
        FuzzFindingKind.ReflectedPayload => "reflected payload",
        FuzzFindingKind.InjectedHeader => "injected header",
        FuzzFindingKind.Disclosure => "disclosure",
        FuzzFindingKind.MissingSecurityHeader => "missing security header",
        _ => "unhealthy afterwards",
    };
}
