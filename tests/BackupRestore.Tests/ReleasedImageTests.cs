using Tailpaste.BackupRestore.Tests.Support;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.BackupRestore.Tests;

/// <summary>
/// The image a release ships (Native AOT, libe_sqlite3 beside the binary) run as the runner runs a
/// <c>docker://</c> action, with no helper-image: its helper containers run that same image, so the SQLite copy,
/// integrity check, checksums and the restore's replacement are all done by the AOT binary.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ReleasedImageTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private const string Action = "backup-restore";

    [Fact]
    public async Task The_released_Native_AOT_image_backs_up_verifies_and_restores_with_helpers_of_its_own_image()
    {
        await using var image = await ReleasedActionImage.BuildAsync(engine, Action);
        var service = await PasteServiceContainer.StartAsync(engine);
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        var kept = await service.PostAsync("kept by the backup");
        var inputs = BackupRestoreRuns.Inputs(engine, service, store, "backup");
        inputs.Remove("helper-image");
        inputs.Remove("docker-host");

        ContainerActionRun backup, verify, restore;
        using (var job = new ContainerActionRunner(engine))
        {
            backup = await job.RunImageAsync(image.Reference, Action, inputs);
        }

        var dropped = await service.PostAsync("made after the backup");
        using (var job = new ContainerActionRunner(engine))
        {
            verify = await job.RunImageAsync(image.Reference, Action, new Dictionary<string, string>(inputs) { ["mode"] = "verify" });
        }

        using (var job = new ContainerActionRunner(engine))
        {
            restore = await job.RunImageAsync(image.Reference, Action, new Dictionary<string, string>(inputs) { ["mode"] = "restore" });
        }

        Assert.True(await image.IsNativeAotAsync(Action), $"{image.Reference} does not hold {Action} as a Native AOT binary alone");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Equal("true", verify.Outputs["verified"]);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(backup.Outputs["backup-id"], restore.Outputs["restored-backup-id"]);
        Assert.Equal("1", restore.Outputs["rows-lost"]);
        Assert.Equal("kept by the backup", await service.GetAsync(kept));
        Assert.Null(await service.GetAsync(dropped));
    }
}
