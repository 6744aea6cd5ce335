using Tailpaste.BackupRestore.Store;
using Tailpaste.BackupRestore.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests;

/// <summary>A backup with one flipped byte: verify names the file and fails; restore refuses and leaves the running service as it was.</summary>
[Trait("Category", "Docker")]
public sealed class CorruptBackupTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task A_flipped_byte_fails_verify_naming_the_file_and_restore_refuses_without_touching_the_service()
    {
        var service = await PasteServiceContainer.StartAsync(engine);
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        using var runs = new BackupRestoreRuns(engine, service, store);
        await service.PostAsync("in the backup");
        var backup = await runs.RunAsync("backup");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var id = backup.Outputs["backup-id"];
        var afterBackup = await service.PostAsync("after the backup");
        var before = await service.InspectAsync();
        await using (var access = await StoreAccess.OpenAsync(engine, store))
        {
            await access.FlipByteAsync(StoreAccess.BackupFile(service.Name, id));
        }

        var verify = await runs.RunAsync("verify", new Dictionary<string, string> { ["backup-id"] = id });
        var restore = await runs.RunAsync("restore", new Dictionary<string, string> { ["backup-id"] = id });
        var byDefault = await runs.RunAsync("restore");

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains($"::error title=Backup verification failed::Backup {id}: {BackupManifest.DatabaseFile}: SHA-256", verify.Stdout, StringComparison.Ordinal);
        Assert.Equal("false", verify.Outputs["verified"]);
        Assert.True(restore.ExitCode == 1, restore.ToString());
        Assert.Contains("failed verification", restore.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, restore.Outputs["restored-backup-id"]);
        Assert.True(byDefault.ExitCode == 2, byDefault.ToString());
        Assert.Contains("backup-id", byDefault.Stdout + byDefault.Stderr, StringComparison.Ordinal);
        Assert.Contains("no verified backup", byDefault.Stdout + byDefault.Stderr, StringComparison.Ordinal);
        var after = await service.InspectAsync();
        Assert.Equal(before.ID, after.ID);
        Assert.True(after.State!.Running);
        Assert.Equal(before.State!.StartedAt, after.State!.StartedAt);
        Assert.Equal("after the backup", await service.GetAsync(afterBackup));
    }
}
