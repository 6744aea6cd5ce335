using Tailpaste.BackupRestore.Helper;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Reporting;

/// <summary>The JSON report of one run (report-path): the mode's findings, in the project's report shape.</summary>
public sealed record BackupRestoreReport
{
    public required string Mode { get; init; }

    public required string Service { get; init; }

    public required string Store { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public double DurationMs { get; init; }

    public bool Succeeded { get; init; }

    /// <summary>One sentence on how the run ended.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>The backup taken, verified or restored.</summary>
    public BackupManifest? Backup { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public IReadOnlyList<BackupListEntry> Backups { get; init; } = [];

    public IReadOnlyList<UnreadableBackup> Unreadable { get; init; } = [];

    public IReadOnlyList<RetentionDecision> Retention { get; init; } = [];

    public RestoreReport? Restore { get; init; }
}
