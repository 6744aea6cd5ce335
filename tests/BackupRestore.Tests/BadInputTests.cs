using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Tests.Support;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.BackupRestore.Tests;

/// <summary>
/// Bad input ends with exit 2 and a message naming the input, the value and what was expected; nothing is
/// changed: no backup written, no image tagged, the service left running as it was.
/// </summary>
[Trait("Category", "Docker")]
public sealed class BadInputTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Theory]
    [InlineData("mode", "snapshot", "one of backup, verify, list, prune, restore")]
    [InlineData("backup-id", "latest", "a backup id such as")]
    [InlineData("retain", "-1", "a whole number from 0")]
    [InlineData("health-timeout", "0s", "more than zero")]
    [InlineData("lock-stale-after", "soon", "a whole number with a unit")]
    [InlineData("storage-path", "data", "an absolute folder path")]
    [InlineData("helper-image", "tailpaste actions", "an image reference")]
    [InlineData("container-labels", "app", "key=value")]
    [InlineData("git-commit", "not-a-commit", "7 to 64 hex digits")]
    [InlineData("service-url", "ftp://tailpaste", "http:// or https://")]
    [InlineData("drill", "yes", "true or false")]
    [InlineData("backup-volume", "../etc", "a Docker volume name")]
    [InlineData("backup-dir", "relative/folder", "an absolute folder path")]
    public async Task A_bad_value_is_named_with_what_was_expected(string input, string value, string expected)
    {
        using var runner = new SimulatedRunner("tailpaste-backup-bad-");
        var inputs = new Dictionary<string, string> { ["docker-host"] = $"unix://{Path.Combine(runner.Folder, "none.sock")}", [input] = value };

        var run = await runner.RunAsync(BackupRestoreAction.Definition, inputs);

        Assert.True(run.ExitCode == 2, run.ToString());
        var said = run.Stdout + run.Stderr;
        Assert.Contains(input, said, StringComparison.Ordinal);
        Assert.Contains(value, said, StringComparison.Ordinal);
        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.Empty(run.Outputs);
    }

    [Fact]
    public async Task Both_a_volume_and_a_folder_for_the_store_is_bad_input()
    {
        using var runner = new SimulatedRunner("tailpaste-backup-bad-");

        var run = await runner.RunAsync(BackupRestoreAction.Definition, new Dictionary<string, string> { ["backup-volume"] = "backups", ["backup-dir"] = runner.Folder });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exactly one of the two", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_that_does_not_answer_is_bad_input_naming_docker_host()
    {
        using var runner = new SimulatedRunner("tailpaste-backup-bad-");
        var socket = $"unix://{Path.Combine(runner.Folder, "none.sock")}";

        var run = await runner.RunAsync(BackupRestoreAction.Definition, new Dictionary<string, string> { ["docker-host"] = socket });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("docker-host", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains(socket, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_container_no_database_unknown_backup_a_missing_helper_and_a_held_lock_change_nothing()
    {
        var service = await PasteServiceContainer.StartAsync(engine);
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        using var runs = new BackupRestoreRuns(engine, service, store);
        var before = await service.InspectAsync();
        var noDatabase = await engine.RunContainerAsync(new DockerContainerSpec(DockerEngineSetup.RuntimeDepsImage)
        {
            Entrypoint = ["sleep", "300"],
            Binds = [$"{await engine.CreateVolumeAsync("empty-data")}:/data"],
            NetworkMode = "none",
        });
        var unknownContainer = await runs.RunAsync("backup", new Dictionary<string, string> { ["container-name"] = "tailpaste-no-such-container" });
        var missingDatabase = await runs.RunAsync("backup", new Dictionary<string, string> { ["container-name"] = noDatabase });
        var notOnAVolume = await runs.RunAsync("backup", new Dictionary<string, string> { ["storage-path"] = "/app" });
        var unknownBackup = await runs.RunAsync("restore", new Dictionary<string, string> { ["backup-id"] = "20200101T000000Z-0123abcd" });
        var noHelper = await runs.RunAsync("backup", new Dictionary<string, string> { ["helper-image"] = "tailpaste/no-such-helper:never" });
        LockHolder holder = new("deploy", "Deploy", "4242", "octocat", DateTimeOffset.UtcNow);
        SimulatedRun locked;
        await using (await ServiceLock.AcquireAsync(engine.Client, service.Name, holder, DockerEngineSetup.RuntimeDepsImage, "test", TimeSpan.FromHours(1), engine.Labels, CancellationToken.None))
        {
            locked = await runs.RunAsync("backup");
        }

        AssertBadInput(unknownContainer, "container-name", "tailpaste-no-such-container");
        AssertBadInput(missingDatabase, "storage-path", "there is no database at /data/pastes.db");
        AssertBadInput(notOnAVolume, "storage-path", "on a volume or bind mount");
        AssertBadInput(unknownBackup, "backup-id", "20200101T000000Z-0123abcd");
        AssertBadInput(noHelper, "helper-image", "tailpaste/no-such-helper:never");
        AssertBadInput(locked, "container-name", "deploy by workflow 'Deploy' run 4242 (actor octocat)");
        var list = await runs.RunAsync("list");
        Assert.Equal("[]", list.Outputs["backups"]);
        var after = await service.InspectAsync();
        Assert.Equal((before.ID, before.State!.StartedAt), (after.ID, after.State!.StartedAt));
        var tags = await engine.Client.Images.ListImagesAsync(new ImagesListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [$"tailpaste-test/{service.Name}"] = true } } });
        Assert.Equal([service.Image], tags.SelectMany(i => i.RepoTags ?? []));
    }

    private static void AssertBadInput(SimulatedRun run, string input, string detail)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        var said = run.Stdout + run.Stderr;
        Assert.Contains(input, said, StringComparison.Ordinal);
        Assert.Contains(detail, said, StringComparison.Ordinal);
    }
}
