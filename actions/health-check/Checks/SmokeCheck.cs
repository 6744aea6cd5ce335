using System.Globalization;
using Tailpaste.Shared.Probes.Smoke;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// The integration tests (issue 13's smoke probe): reachable; a paste created and read back byte for byte, with
/// and without the token; exactly 1 MiB accepted, one byte more refused with 413; 404 for an unknown id, 400 for
/// a malformed one; 403 for an upload without the token when one is configured. Fails naming each failed step.
/// </summary>
public sealed class SmokeCheck : IHealthCheck
{
    public string Name => CheckNames.Smoke;

    /// <summary>The probe's result once the check ran (for the step summary); null before, or when it could not run.</summary>
    public SmokeResult? Result { get; private set; }

    public async Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recorder);
        var options = context.Options;
        var result = await new SmokeProbe(context.Probe).RunAsync(
            new SmokeOptions(options.ServiceUrl) { UploadToken = options.UploadToken, RequestTimeout = options.ResponseTimeout },
            cancellationToken).ConfigureAwait(false);
        Result = result;

        var passed = result.Steps.Count(s => s.Status == SmokeStepStatus.Passed);
        var skipped = result.Steps.Count(s => s.Status == SmokeStepStatus.Skipped);
        recorder.Measure(result.FailedSteps.Count, 0, "steps");
        recorder.Metric("steps", result.Steps.ToList());
        recorder.Metric("failed_steps", result.FailedSteps.ToList());
        foreach (var step in result.Steps.Where(s => s.Status == SmokeStepStatus.Failed))
        {
            recorder.Error($"step {step.Step} failed: {step.Detail}");
        }

        recorder.Message = string.Create(CultureInfo.InvariantCulture, $"{passed} of {result.Steps.Count} steps passed, {skipped} skipped");
    }
}
