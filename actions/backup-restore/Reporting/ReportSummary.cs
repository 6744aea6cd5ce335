using System.Globalization;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;

namespace Tailpaste.BackupRestore.Reporting;

/// <summary>The step summary of one run: what happened, in tables people read.</summary>
public static class ReportSummary
{
    public static void Fill(Summary summary, BackupRestoreReport report)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(report);
        summary.AddHeading($"Backup and restore: {report.Mode} of {report.Service}", 2);
        summary.AddParagraph($"{(report.Succeeded ? "✅" : "❌")} {Capital(report.Message)} ({report.Store}).");
        if (report.Restore is { } restore)
        {
            summary.AddTable(
                ["backup", "rows dropped", "safety backup", "outcome"],
                [[restore.BackupId, Number(restore.RowsLost), restore.SafetyBackupId ?? "-", restore.Outcome]]);
            summary.AddList(restore.Steps, ordered: true);
        }

        if (report.Backup is { } backup && report.Mode != "list")
        {
            AddBackup(summary, backup);
        }

        if (report.Problems.Count > 0)
        {
            summary.AddList(report.Problems);
        }

        if (report.Retention.Count > 0)
        {
            summary.AddTable(["backup", "created", "kept", "why"], report.Retention.Select(d => (IReadOnlyList<string>)[d.Id, Time(d.CreatedAt), d.Keep ? "yes" : "**removed**", d.Reason]));
        }
        else if (report.Backups.Count > 0)
        {
            summary.AddTable(
                ["backup", "created", "kind", "size", "commit", "image", "verified", "drill"],
                report.Backups.Select(b => (IReadOnlyList<string>)[b.Id, Time(b.CreatedAt), b.Kind, Number(b.SizeBytes), Short(b.GitCommit), b.Image, b.Verified ? "yes" : "**no**", b.Drill ?? "-"]));
        }

        foreach (var unreadable in report.Unreadable)
        {
            summary.AddParagraph($"⚠️ {unreadable.Name} is not a readable backup: {unreadable.Problem}");
        }
    }

    private static void AddBackup(Summary summary, BackupManifest backup)
    {
        var database = backup.Database;
        summary.AddTable(
            ["backup", "rows", "newest paste", "size", "commit", "image", "SQLite", "verified"],
            [[
                backup.Id,
                database?.Rows is { } rows ? Number(rows) : "-",
                database?.NewestCreatedAt ?? "-",
                Number(backup.TotalBytes),
                Short(backup.GitCommit),
                backup.Image.BackupTag,
                database is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{database.SqliteVersion}, {database.JournalMode}, page {database.PageSize}, schema {database.SchemaVersion}"),
                backup.Verified ? "yes" : "**no**",
            ]]);
        if (backup.Drill is { } drill)
        {
            summary.AddParagraph(string.Create(CultureInfo.InvariantCulture, $"Restore drill {(drill.Passed ? "passed" : "**failed**")} in {drill.Ms / 1000:0.0} s: {drill.Detail}"));
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Short(string? commit) => commit is { Length: > 12 } ? commit[..12] : commit ?? "-";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
