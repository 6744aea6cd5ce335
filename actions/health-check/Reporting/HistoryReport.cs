namespace Tailpaste.HealthCheck.Reporting;

/// <summary>What the run history says after this run.</summary>
public sealed record HistoryReport(string Path, long Runs, int ConsecutiveFailures, OverallStatus? PreviousStatus);
