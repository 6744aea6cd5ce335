using System.Globalization;
using Tailpaste.BackupRestore.Reporting;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>
/// Which backups prune keeps: the newest <c>retain</c> whole backups, every backup younger than
/// <c>retain-days</c>, and always the newest verified one (the one a restore falls back on), even when it is
/// older than both. Whole backups are counted, never files.
/// </summary>
public static class RetentionPolicy
{
    public static IReadOnlyList<RetentionDecision> Decide(IReadOnlyList<BackupManifest> backups, int retain, int retainDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(backups);
        var newestFirst = backups.OrderByDescending(b => b.Id, StringComparer.Ordinal).ToList();
        var newestVerified = newestFirst.FirstOrDefault(b => b.Verified)?.Id;
        var decisions = new List<RetentionDecision>();
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var backup = newestFirst[i];
            var age = now - backup.CreatedAt;
            var (keep, reason) =
                i < retain ? (true, string.Create(CultureInfo.InvariantCulture, $"among the newest {retain}"))
                : retainDays > 0 && age < TimeSpan.FromDays(retainDays) ? (true, string.Create(CultureInfo.InvariantCulture, $"younger than {retainDays} days"))
                : backup.Id == newestVerified ? (true, "the newest verified backup")
                : (false, string.Create(CultureInfo.InvariantCulture, $"number {i + 1} by age, {age.TotalDays:0.#} days old"));
            decisions.Add(new RetentionDecision(backup.Id, backup.CreatedAt, keep, reason));
        }

        return decisions;
    }
}
