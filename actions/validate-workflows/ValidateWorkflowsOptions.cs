using Tailpaste.ValidateWorkflows.Configuration;
using Tailpaste.ValidateWorkflows.Engine;

namespace Tailpaste.ValidateWorkflows;

/// <summary>The validated inputs: the files to lint (already resolved), how to report, and the repository root.</summary>
public sealed record ValidateWorkflowsOptions(
    string Root,
    FileSelection Files,
    OutputFormat Format,
    LintConfig Config,
    bool FailOnWarning,
    string? SarifPath,
    string? ReportPath);

public enum OutputFormat
{
    Text,
    Json,
    Sarif,
    GitHub,
}
