namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>A fuzz run: every case, every finding, and whether the service was healthy afterwards. Fails on any HIGH finding.</summary>
public sealed record FuzzResult(IReadOnlyList<FuzzCaseResult> Cases, IReadOnlyList<FuzzFinding> Findings, bool HealthyAfter, string HealthDetail)
{
    public bool Passed => !Findings.Any(finding => finding.Severity == FuzzSeverity.High);

    public int HighFindings => Findings.Count(finding => finding.Severity == FuzzSeverity.High);

    public int MediumFindings => Findings.Count(finding => finding.Severity == FuzzSeverity.Medium);
}
