namespace Tailpaste.Shared.Probes.Smoke;

public enum SmokeStepStatus
{
    Passed,
    Failed,

    /// <summary>Not run: it does not apply (no token configured) or a step it needs failed.</summary>
    Skipped,
}
