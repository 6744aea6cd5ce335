namespace Tailpaste.ValidateWorkflows.Findings;

/// <summary>One problem at one place in one file, reported by one rule.</summary>
/// <param name="File">The path as shown to users: relative to the repository root, with '/' separators.</param>
/// <param name="EndColumn">One past the last column of the offending text, when it is on one line.</param>
public sealed record Finding(string File, int Line, int Column, int? EndColumn, string Rule, Severity Severity, string Message)
{
    public bool IsError => Severity == Severity.Error;
}
