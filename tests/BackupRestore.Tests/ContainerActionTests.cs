using Tailpaste.BackupRestore.Tests.Support;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.BackupRestore.Tests;

/// <summary>
/// The action in the actions image, started as the runner starts a container action: only the runner's folders
/// and the Docker socket mounted, no helper-image given (it runs its helpers from its own image). The backup is
/// in the volume after the job's folders are gone, and a later job restores from it.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ContainerActionTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task A_backup_outlives_the_job_and_a_later_job_restores_it()
    {
        var service = await PasteServiceContainer.StartAsync(engine);
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        var kept = await service.PostAsync("kept by the backup");
        var inputs = BackupRestoreRuns.Inputs(engine, service, store, "backup");
        inputs.Remove("helper-image");
        inputs.Remove("docker-host");

        ContainerActionRun backup;
        using (var job = new ContainerActionRunner(engine))
        {
            backup = await job.RunAsync("backup-restore", inputs);
        }

        var dropped = await service.PostAsync("made after the backup");
        inputs["mode"] = "restore";
        ContainerActionRun restore;
        using (var laterJob = new ContainerActionRunner(engine))
        {
            restore = await laterJob.RunAsync("backup-restore", inputs);
        }

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(backup.Outputs["backup-id"], restore.Outputs["restored-backup-id"]);
        Assert.Equal("1", restore.Outputs["rows-lost"]);
        Assert.Equal("kept by the backup", await service.GetAsync(kept));
        Assert.Null(await service.GetAsync(dropped));
        Assert.Contains("Restored backup", restore.Summary + restore.StandardOutput, StringComparison.Ordinal);
    }
}
