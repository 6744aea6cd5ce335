using Tailpaste.BackupRestore.Modes;
using Tailpaste.BackupRestore.Store;

namespace Tailpaste.BackupRestore.Tests;

public sealed class RetentionPolicyTests
{
    private static readonly DateTimeOffset _now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keeps_the_newest_by_count_and_the_young_by_age_and_counts_whole_backups()
    {
        var backups = new[] { 1, 5, 30, 50, 80, 100, 200 }.Select(hours => Backup(hours, verified: true)).ToList();

        var decisions = RetentionPolicy.Decide(backups, retain: 2, retainDays: 2, _now);

        Assert.Equal([true, true, true, false, false, false, false], decisions.Select(d => d.Keep));
        Assert.Equal("younger than 2 days", decisions[2].Reason);
    }

    [Fact]
    public void Never_drops_the_newest_verified_backup_even_past_both_limits()
    {
        var backups = new List<BackupManifest> { Backup(1, verified: false), Backup(100, verified: true), Backup(200, verified: true) };

        var decisions = RetentionPolicy.Decide(backups, retain: 1, retainDays: 0, _now);

        Assert.Equal([true, true, false], decisions.Select(d => d.Keep));
        Assert.Equal("the newest verified backup", decisions[1].Reason);
    }

    [Fact]
    public void Retain_zero_without_days_keeps_only_the_newest_verified()
    {
        var backups = new[] { 1, 2, 3 }.Select(hours => Backup(hours, verified: true)).ToList();

        var decisions = RetentionPolicy.Decide(backups, retain: 0, retainDays: 0, _now);

        Assert.Equal([true, false, false], decisions.Select(d => d.Keep));
    }

    private static BackupManifest Backup(int hoursOld, bool verified)
    {
        var created = _now - TimeSpan.FromHours(hoursOld);
        return new BackupManifest
        {
            Id = BackupId.New(created, "test"),
            CreatedAt = created,
            Service = new ServiceRecord("tailpaste", "id", "/data", null, null),
            Image = new ImageRecord("tailpaste:prod", "sha256:1", [], "tailpaste:backup-x"),
            CreatedBy = new CreatedBy("cli", "1", "test"),
            Verification = new VerificationRecord(created, verified, []),
        };
    }
}
