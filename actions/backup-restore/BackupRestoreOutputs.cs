namespace Tailpaste.BackupRestore;

/// <summary>The action's outputs; each property is the kebab-case output of the same name. Every output is written on every run.</summary>
public sealed record BackupRestoreOutputs
{
    public string BackupId { get; init; } = string.Empty;

    public string BackupLocation { get; init; } = string.Empty;

    public string GitCommit { get; init; } = string.Empty;

    public string Image { get; init; } = string.Empty;

    public bool Verified { get; init; }

    /// <summary>The list as JSON (empty unless mode is list).</summary>
    public string Backups { get; init; } = string.Empty;

    public string Pruned { get; init; } = string.Empty;

    public long RowsLost { get; init; }

    public string RestoredBackupId { get; init; } = string.Empty;

    public string RestoredCommit { get; init; } = string.Empty;

    public string RestoredImage { get; init; } = string.Empty;

    public string SafetyBackupId { get; init; } = string.Empty;

    public string ReportPath { get; init; } = string.Empty;
}
