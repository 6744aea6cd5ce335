namespace Tailpaste.HealthCheck.Reporting;

/// <summary>Whether this run dispatched the recovery workflow, and why (not).</summary>
public sealed record RecoveryReport(bool Dispatched, string Reason, string Workflow, DateTimeOffset? LastDispatchedAt);
