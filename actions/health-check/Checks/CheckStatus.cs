namespace Tailpaste.HealthCheck.Checks;

/// <summary>A check's result in the seed's words (serialised as <c>passed</c> / <c>failed</c>).</summary>
public enum CheckStatus
{
    Passed,
    Failed,
}
