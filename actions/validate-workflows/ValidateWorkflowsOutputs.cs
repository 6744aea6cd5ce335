namespace Tailpaste.ValidateWorkflows;

/// <summary>The action's outputs (errors, warnings, files, sarif-path).</summary>
public sealed record ValidateWorkflowsOutputs(int Errors, int Warnings, int Files, string SarifPath);
