namespace Tailpaste.ValidateWorkflows.Findings;

public enum Severity
{
    Warning,
    Error,
}
