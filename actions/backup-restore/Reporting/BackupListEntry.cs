using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Reporting;

/// <summary>One backup as list shows it (and as the <c>backups</c> output carries it).</summary>
/// <param name="Drill">passed, failed, or null when no drill ran.</param>
public sealed record BackupListEntry(string Id, DateTimeOffset CreatedAt, string Kind, long SizeBytes, string? GitCommit, string Image, bool Verified, string? Drill)
{
    public static BackupListEntry From(BackupManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new BackupListEntry(
            manifest.Id,
            manifest.CreatedAt,
            manifest.Kind,
            manifest.TotalBytes,
            manifest.GitCommit,
            manifest.Image.BackupTag,
            manifest.Verified,
            manifest.Drill is null ? null : manifest.Drill.Passed ? "passed" : "failed");
    }
}
