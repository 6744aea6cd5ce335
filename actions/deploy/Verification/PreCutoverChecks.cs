using Tailpaste.Shared.Http;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;
using Tailpaste.Shared.Probes.Smoke;

namespace Tailpaste.Deploy.Verification;

/// <summary>
/// The checks a new version passes before any user reaches it: the smoke probe (Tailpaste's contract, byte for
/// byte) and, for blue-green, an SLO probe — a paced load against it directly, evaluated on the slo thresholds.
/// </summary>
public static class PreCutoverChecks
{
    /// <summary>The SLO probe's pace: gentle enough for a small host, enough samples for a p95 in a few seconds.</summary>
    public const int SloRate = 20;

    public static async Task<PreCutoverResult> RunAsync(HttpProbe http, Uri url, bool smoke, string? uploadToken, IReadOnlyList<SloThreshold> slo, TimeSpan sloDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slo);
        SmokeResult? smoked = null;
        if (smoke)
        {
            smoked = await new SmokeProbe(http).RunAsync(new SmokeOptions(url) { UploadToken = uploadToken }, cancellationToken).ConfigureAwait(false);
            if (!smoked.Passed)
            {
                return new PreCutoverResult(smoked, null, null);
            }
        }

        if (sloDuration <= TimeSpan.Zero || slo.Count == 0)
        {
            return new PreCutoverResult(smoked, null, null);
        }

        var plan = new LoadPlan
        {
            ServiceUrl = url,
            Paths = ["/"],
            Model = LoadModel.Open,
            Rate = SloRate,
            Concurrency = SloRate,
            Duration = sloDuration,
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        var load = await LoadGenerator.RunAsync(plan, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new PreCutoverResult(smoked, load.Evaluate(slo), load);
    }
}
