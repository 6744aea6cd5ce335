using System.Security.Cryptography;
using Tailpaste.Shared.Http;

namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>
/// A bounded dynamic security test of the running service: every case of <see cref="FuzzCatalog"/> once, one at
/// a time, each on its own connection to the configured host and port with its own timeout; then the health
/// endpoint, which must still answer 2xx. Findings per <see cref="FuzzInspector"/>; fails on any HIGH.
/// </summary>
public sealed class FuzzProbe(HttpProbe http)
{
    public async Task<FuzzResult> RunAsync(FuzzOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var origin = new ServiceOrigin(options.ServiceUrl);
        var health = origin.Resolve(options.HealthPath);
        var marker = "tpfz" + RandomNumberGenerator.GetHexString(12, lowercase: true);
        var cases = new List<FuzzCaseResult>();
        var findings = new List<FuzzFinding>();
        var missingHeaders = new Dictionary<string, List<string>>();
        var checkedForHeaders = 0;

        foreach (var fuzzCase in FuzzCatalog.Build(origin, marker))
        {
            var answer = await RawHttpExchange.SendAsync(origin, fuzzCase, options.RequestTimeout, options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            cases.Add(new FuzzCaseResult(fuzzCase.Name, fuzzCase.Category, fuzzCase.Request.Length, answer.Outcome, answer.Status, Math.Round(answer.ElapsedMs, 3)));
            findings.AddRange(FuzzInspector.Inspect(fuzzCase, answer, marker));
            if (fuzzCase.ChecksSecurityHeaders && answer.Outcome == RawExchangeOutcome.Answered)
            {
                checkedForHeaders++;
                foreach (var header in FuzzInspector.MissingSecurityHeaders(answer))
                {
                    (missingHeaders.TryGetValue(header, out var seen) ? seen : missingHeaders[header] = []).Add(fuzzCase.Name);
                }
            }
        }

        foreach (var (header, seenIn) in missingHeaders)
        {
            findings.Add(new FuzzFinding(FuzzSeverity.Medium, FuzzFindingKind.MissingSecurityHeader, string.Join(", ", seenIn), $"{header} missing from {seenIn.Count} of {checkedForHeaders} answers of the application"));
        }

        var after = await http.SendAsync(HttpProbeRequest.Get(health, options.RequestTimeout), cancellationToken).ConfigureAwait(false);
        var healthy = after.IsSuccess;
        var healthDetail = after.Failure == HttpProbeFailure.None
            ? $"GET {health.AbsolutePath} answered {after.StatusCode} after the run"
            : $"GET {health.AbsolutePath} got no answer after the run ({after.Failure}: {ProbeText.Excerpt(after.Error ?? string.Empty)})";
        if (!healthy)
        {
            findings.Add(new FuzzFinding(FuzzSeverity.High, FuzzFindingKind.Unhealthy, "health-after", healthDetail));
        }

        return new FuzzResult(cases, [.. findings.OrderByDescending(f => f.Severity)], healthy, healthDetail);
    }
}
