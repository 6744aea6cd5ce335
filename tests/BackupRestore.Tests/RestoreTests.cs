using System.Text.Json;
using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Reporting;
using Tailpaste.BackupRestore.Store;
using Tailpaste.BackupRestore.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests;

/// <summary>
/// The rollback: after the data changed (pastes added and deleted) and a new image was deployed with another
/// configuration, a restore brings back the database, the image and the configuration exactly as backed up,
/// says how many rows it drops, keeps a safety backup of what it replaced, and the service answers again.
/// </summary>
[Trait("Category", "Docker")]
public sealed class RestoreTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private const string NewCommit = "dddddddddddddddddddddddddddddddddddddddd";

    [Fact]
    public async Task Restore_after_changes_and_a_new_deploy_brings_back_database_image_and_configuration()
    {
        var service = await PasteServiceContainer.StartAsync(engine);
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        using var runs = new BackupRestoreRuns(engine, service, store);
        var before = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            before.Add(await service.PostAsync($"before the backup {i}"));
        }

        var original = await service.InspectAsync();
        var backup = await runs.RunAsync("backup");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var backupId = backup.Outputs["backup-id"];

        var after = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            after.Add(await service.PostAsync($"after the backup {i}"));
        }

        var deleted = before.Take(5).ToList();
        await DeleteRowsAsync(service, deleted);
        await DeployNewImageAsync(service, original);
        Assert.Null(await service.GetAsync(deleted[0]));
        Assert.Equal("9.9.9", await VersionAsync(service));

        var restore = await runs.RunAsync("restore");

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(backupId, restore.Outputs["restored-backup-id"]);
        Assert.Equal("10", restore.Outputs["rows-lost"]);
        Assert.Equal(original.Config!.Image, restore.Outputs["restored-image"]);
        Assert.Equal(backup.Outputs["git-commit"], restore.Outputs["restored-commit"]);
        Assert.Contains("drops 10 rows", restore.Stdout, StringComparison.Ordinal);
        Assert.Contains("| 10 |", restore.Summary, StringComparison.Ordinal);
        var restored = await service.InspectAsync();
        Assert.True(restored.State!.Running);
        Assert.Equal(original.Image, restored.Image);
        Assert.Equal(original.Config!.Env!.Order(StringComparer.Ordinal), restored.Config!.Env!.Order(StringComparer.Ordinal));
        Assert.Equal(original.Config!.Labels!.OrderBy(l => l.Key, StringComparer.Ordinal), restored.Config!.Labels!.OrderBy(l => l.Key, StringComparer.Ordinal));
        Assert.Equal(original.HostConfig!.NetworkMode, restored.HostConfig!.NetworkMode);
        Assert.Equal(original.HostConfig!.RestartPolicy!.Name, restored.HostConfig!.RestartPolicy!.Name);
        Assert.Equal(original.Config!.Healthcheck!.Test, restored.Config!.Healthcheck!.Test);
        Assert.Equal((original.Config!.Healthcheck!.Interval, original.Config!.Healthcheck!.Retries), (restored.Config!.Healthcheck!.Interval, restored.Config!.Healthcheck!.Retries));
        Assert.Equal(original.Config!.Cmd, restored.Config!.Cmd);
        Assert.Equal(original.Config!.Entrypoint, restored.Config!.Entrypoint);
        Assert.Equal(original.Mounts!.Select(m => (m.Name, m.Destination, m.RW)), restored.Mounts!.Select(m => (m.Name, m.Destination, m.RW)));
        Assert.Equal(original.Image, (await engine.Client.Images.InspectImageAsync(service.Image)).ID);
        foreach (var id in before)
        {
            Assert.NotNull(await service.GetAsync(id));
        }

        foreach (var id in after)
        {
            Assert.Null(await service.GetAsync(id));
        }

        Assert.NotEqual("9.9.9", await VersionAsync(service));
        var leftover = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        Assert.DoesNotContain(leftover, c => c.Names!.Any(n => n.Contains(service.Name + "-before-restore", StringComparison.Ordinal)));

        var list = await runs.RunAsync("list");
        var entries = JsonSerializer.Deserialize<List<BackupListEntry>>(list.Outputs["backups"], StoreJson.Compact)!;
        var safety = Assert.Single(entries, e => e.Kind == "safety");
        Assert.Equal(restore.Outputs["safety-backup-id"], safety.Id);
        Assert.Equal(NewCommit, safety.GitCommit);

        // The newest verified backup is now the safety backup; a restore without backup-id still means the backup.
        var byDefault = await runs.RunAsync("restore", new Dictionary<string, string> { ["dry-run"] = "true" });
        Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
        Assert.Equal(backupId, byDefault.Outputs["backup-id"]);
        Assert.Equal("0", byDefault.Outputs["rows-lost"]);
        Assert.Equal(restored.ID, (await service.InspectAsync()).ID);
    }

    /// <summary>Deletes rows the way an operator with sqlite3 would: service stopped, file changed, service started.</summary>
    private async Task DeleteRowsAsync(PasteServiceContainer service, IReadOnlyList<string> ids)
    {
        var id = (await service.InspectAsync()).ID;
        await engine.Client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = 30 });
        await using (var data = await StoreAccess.OpenAsync(engine, service.Volume))
        {
            var local = await data.CopyOutAsync("pastes.db");
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={local};Pooling=False"))
            {
                connection.Open();
                using var delete = connection.CreateCommand();
                delete.CommandText = $"DELETE FROM pastes WHERE id IN ({string.Join(',', ids.Select(i => $"'{i}'"))});";
                Assert.Equal(ids.Count, delete.ExecuteNonQuery());
            }

            await data.CopyInAsync(local, "pastes.db");
        }

        await engine.Client.Containers.StartContainerAsync(id, new ContainerStartParameters());
        await engine.WaitForHttpAsync(id, new Uri(service.Url, "healthz"), TimeSpan.FromSeconds(60));
    }

    /// <summary>A new image under the same production tag, and the container created again from it with other settings.</summary>
    private async Task DeployNewImageAsync(PasteServiceContainer service, ContainerInspectResponse original)
    {
        await PasteServiceImage.CommitCopyAsync(engine, original.Image, service.Image, [$"LABEL org.opencontainers.image.revision={NewCommit}", "ENV APP_VERSION=9.9.9 GIT_COMMIT=" + NewCommit]);
        await engine.Client.Containers.RemoveContainerAsync(original.ID, new ContainerRemoveParameters { Force = true });
        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = service.Name,
            Image = service.Image,
            Env = [.. original.Config!.Env!.Where(e => !e.StartsWith("APP_VERSION=", StringComparison.Ordinal) && !e.StartsWith("GIT_COMMIT=", StringComparison.Ordinal)), "EXTRA_SETTING=v2"],
            Labels = new Dictionary<string, string>(original.Config!.Labels!) { ["deployed"] = "v2" },
            HostConfig = new HostConfig { NetworkMode = "host", Binds = [$"{service.Volume}:/data"] },
        });
        await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        await engine.WaitForHttpAsync(created.ID, new Uri(service.Url, "healthz"), TimeSpan.FromSeconds(60));
    }

    private static async Task<string?> VersionAsync(PasteServiceContainer service)
    {
        using var http = new HttpClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(service.Url, "version")));
        return document.RootElement.GetProperty("version").GetString();
    }
}
