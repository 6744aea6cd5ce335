using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Engine;

/// <summary>Every finding of a run, sorted by file and position, and how many files were linted.</summary>
public sealed record LintResult(int Files, IReadOnlyList<Finding> Findings)
{
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);
}
