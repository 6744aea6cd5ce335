using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows;

/// <summary>The JSON report written to report-path.</summary>
public sealed record ValidateWorkflowsReport(int Files, int Errors, int Warnings, IReadOnlyList<Finding> Findings);
