namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>One thing the fuzz run found, tied to the case that showed it (printable, one line).</summary>
public sealed record FuzzFinding(FuzzSeverity Severity, FuzzFindingKind Kind, string Case, string Detail);
