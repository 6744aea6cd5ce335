using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;
using Tailpaste.Shared.Probes.Smoke;

namespace Tailpaste.Deploy.Verification;

/// <summary>What the new version showed before it got users' traffic: the smoke probe's steps and the SLO probe's verdict (each null when not run).</summary>
public sealed record PreCutoverResult(SmokeResult? Smoke, SloVerdict? Slo, LoadResult? Load)
{
    public bool Passed => Smoke?.Passed != false && Slo?.Passed != false;

    /// <summary>Why it failed, one sentence; null when it passed.</summary>
    public string? Failure =>
        Smoke is { Passed: false } smoke ? $"the smoke probe failed at {string.Join(", ", smoke.FailedSteps)} ({smoke.Steps.First(s => s.Status == SmokeStepStatus.Failed).Detail})"
        : Slo is { Passed: false } slo ? $"the SLO probe failed: {string.Join("; ", slo.Failed.Select(t => t.Reason))}"
        : null;
}
