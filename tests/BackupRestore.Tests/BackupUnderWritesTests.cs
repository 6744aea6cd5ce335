using System.Diagnostics;
using System.Text.Json;
using Tailpaste.BackupRestore.Store;
using Tailpaste.BackupRestore.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests;

/// <summary>
/// A backup of the running sample service while a writer keeps posting pastes: the backup completes, passes the
/// integrity check, holds every paste acknowledged before it started, and the writer never sees an error or a
/// request slower than a second. It runs alone (not beside this project's other tests, which start services,
/// helpers and drills of their own), so the writer's latency is the backup's doing, not the other tests'.
/// </summary>
[Trait("Category", "Docker")]
[Collection(AloneCollection.Name)]
public sealed class BackupUnderWritesTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private static readonly TimeSpan _slowest = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Backup_while_a_writer_posts_holds_every_acknowledged_paste_and_never_stalls_the_writer()
    {
        var service = await PasteServiceContainer.StartAsync(engine);
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        using var runs = new BackupRestoreRuns(engine, service, store);
        for (var i = 0; i < 200; i++)
        {
            await service.PostAsync($"seed paste {i}");
        }

        await using var writer = PasteWriter.Start(service);
        while (writer.Count < 20)
        {
            await Task.Delay(50);
        }

        var started = Stopwatch.GetTimestamp();
        var run = await runs.RunAsync("backup");
        var ended = Stopwatch.GetTimestamp();
        await writer.StopAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var id = run.Outputs["backup-id"];
        Assert.True(BackupId.IsValid(id), id);
        Assert.Equal($"volume:{store}/{service.Name}/{id}", run.Outputs["backup-location"]);
        Assert.Equal("true", run.Outputs["verified"]);
        Assert.StartsWith($"tailpaste-test/{service.Name}:backup-", run.Outputs["image"], StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", run.Outputs["git-commit"]);

        await using var access = await StoreAccess.OpenAsync(engine, store);
        var copy = await access.CopyOutAsync(StoreAccess.BackupFile(service.Name, id));
        Assert.Equal("ok", BackupDatabase.IntegrityCheck(copy));
        var saved = BackupDatabase.Ids(copy);
        var missing = writer.AckedBefore(started).Where(acked => !saved.Contains(acked)).ToList();
        Assert.Empty(missing);
        Assert.True(saved.Count >= 220, $"{saved.Count} rows");

        Assert.Empty(writer.Errors);
        var during = writer.LatenciesBetween(started, ended);
        Assert.NotEmpty(during);
        Assert.True(during.Max() < _slowest, $"the slowest write during the backup took {during.Max().TotalMilliseconds:0} ms");

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(await access.CopyOutAsync(StoreAccess.BackupFile(service.Name, id, BackupManifest.FileName))), StoreJson.Compact)!;
        Assert.Equal(saved.Count, manifest.Database!.Rows);
        Assert.Equal("wal", manifest.Database.JournalMode);
        Assert.Equal("ok", manifest.Database.IntegrityCheck);
        Assert.All(manifest.Files, file => Assert.Matches("^[0-9a-f]{64}$", file.Sha256));
        Assert.Equal(service.Name, manifest.Service.Container);
        Assert.NotNull(manifest.Service.Version);
        Assert.Equal((await service.InspectAsync()).Image, manifest.Image.Id);
        Assert.True(await access.ExistsAsync(StoreAccess.BackupFile(service.Name, id, BackupManifest.ContainerFile)));
        Assert.Contains(id, run.Summary, StringComparison.Ordinal);
    }
}
