namespace Tailpaste.Shared.Probes.Smoke;

/// <summary>Every step of a smoke run in order; passes when none failed.</summary>
public sealed record SmokeResult(IReadOnlyList<SmokeStepResult> Steps)
{
    public bool Passed => Steps.All(step => step.Status != SmokeStepStatus.Failed);

    /// <summary>The names of the steps that failed, in order.</summary>
    public IReadOnlyList<string> FailedSteps => [.. Steps.Where(step => step.Status == SmokeStepStatus.Failed).Select(step => step.Step)];
}
