namespace Tailpaste.BackupRestore.Reporting;

/// <summary>What a restore did, step by step, and where it ended.</summary>
/// <param name="BackupId">The backup restored (or that would be, in a dry run).</param>
/// <param name="RowsLost">Rows of the live database the backup lacks, counted before anything changed.</param>
/// <param name="SafetyBackupId">The backup of the state before the restore; null when none was taken.</param>
/// <param name="Outcome">restored, dry-run, refused, rolled-back or failed.</param>
/// <param name="Steps">Each step done, in order, with what it found.</param>
public sealed record RestoreReport(string BackupId, long RowsLost, string? SafetyBackupId, string Outcome, IReadOnlyList<string> Steps);
