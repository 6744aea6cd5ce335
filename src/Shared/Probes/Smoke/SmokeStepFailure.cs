namespace Tailpaste.Shared.Probes.Smoke;

/// <summary>A smoke step's check did not hold; the message says what was expected and what came.</summary>
internal sealed class SmokeStepFailure : Exception
{
    public SmokeStepFailure()
    {
    }

    public SmokeStepFailure(string message)
        : base(message)
    {
    }

    public SmokeStepFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
