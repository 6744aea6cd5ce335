using System.Formats.Tar;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Store;
using Tailpaste.BackupRestore.Tests.Support;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests;

/// <summary>
/// Prune on a store of 15 backups of mixed ages whose newest is unverified: exactly the backups the retention
/// keeps remain, whole, the others are gone with their image tags, a folder that is not a readable backup is
/// left alone, and the folder of an interrupted run is cleared.
/// </summary>
[Trait("Category", "Docker")]
public sealed class PruneTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private static readonly double[] _hoursOld = [0.5, 3, 10, 20, 40, 60, 80, 100, 130, 170, 220, 300, 400, 600, 900];

    [Theory]
    [InlineData(5, 3, new[] { 0.5, 3, 10, 20, 40, 60 })]
    [InlineData(1, 0, new[] { 0.5, 3 })]
    public async Task Prune_keeps_exactly_the_retained_backups_and_releases_the_other_image_tags(int retain, int retainDays, double[] keptAges)
    {
        var service = await PasteServiceContainer.StartAsync(engine);
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        using var runs = new BackupRestoreRuns(engine, service, store);
        var now = DateTimeOffset.UtcNow;
        var backups = _hoursOld.Select((hours, i) => Fake(service, now - TimeSpan.FromHours(hours), verified: i > 0)).ToList();
        await WriteStoreAsync(service, store, backups);
        foreach (var backup in backups)
        {
            await ImageKeeper.TagAsync(engine.Client, service.Image, backup.Image.BackupTag, CancellationToken.None);
        }

        var dryRun = await runs.RunAsync("prune", Settings(retain, retainDays, dryRun: true));
        var run = await runs.RunAsync("prune", Settings(retain, retainDays, dryRun: false));

        var expectedKept = _hoursOld.Select((hours, i) => (hours, backups[i].Id)).Where(p => keptAges.Contains(p.hours)).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        var expectedGone = backups.Select(b => b.Id).Except(expectedKept).Order(StringComparer.Ordinal).ToList();
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Equal(expectedGone, dryRun.Outputs["pruned"].Split(',').Order(StringComparer.Ordinal));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(expectedGone, run.Outputs["pruned"].Split(',').Order(StringComparer.Ordinal));
        var list = await runs.RunAsync("list");
        var remaining = JsonSerializer.Deserialize<List<JsonElement>>(list.Outputs["backups"])!.Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedKept, remaining);
        Assert.Contains("not-a-backup", list.Stdout, StringComparison.Ordinal);
        var tags = await TagsAsync(service);
        Assert.Equal(expectedKept.Select(id => $"tailpaste-test/{service.Name}:backup-{id}").Append(service.Image).Order(StringComparer.Ordinal), tags);
        await using var access = await StoreAccess.OpenAsync(engine, store);
        Assert.False(await access.ExistsAsync($"{service.Name}/.partial-20200101T000000Z-00000000"));
        Assert.True(await access.ExistsAsync($"{service.Name}/20200101T000000Z-0badbad0/manifest.json"));
    }

    private static Dictionary<string, string> Settings(int retain, int retainDays, bool dryRun) => new()
    {
        ["retain"] = retain.ToString(CultureInfo.InvariantCulture),
        ["retain-days"] = retainDays.ToString(CultureInfo.InvariantCulture),
        ["dry-run"] = dryRun ? "true" : "false",
    };

    private static BackupManifest Fake(PasteServiceContainer service, DateTimeOffset created, bool verified)
    {
        var id = BackupId.New(created, service.Name);
        return new BackupManifest
        {
            Id = id,
            CreatedAt = created,
            Service = new ServiceRecord(service.Name, service.Id, "/data", "1.0.0", null),
            Image = new ImageRecord(service.Image, "sha256:unused", [], ImageKeeper.BackupTag(service.Image, id)),
            CreatedBy = new CreatedBy("Prune test", "1", "test"),
            Files = [new ManifestFile(BackupManifest.DatabaseFile, 4096, new string('0', 64))],
            Verification = new VerificationRecord(created, verified, verified ? [] : ["made unverified by the test"]),
        };
    }

    /// <summary>The store as a tar extracted into the volume: each backup's manifest, an unreadable backup, an interrupted one.</summary>
    private async Task WriteStoreAsync(PasteServiceContainer service, string store, IReadOnlyList<BackupManifest> backups)
    {
        using var archive = new MemoryStream();
        await using (var tar = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            await AddAsync(tar, $"{service.Name}/", null);
            foreach (var backup in backups)
            {
                await AddAsync(tar, $"{service.Name}/{backup.Id}/", null);
                await AddAsync(tar, $"{service.Name}/{backup.Id}/{BackupManifest.FileName}", JsonSerializer.SerializeToUtf8Bytes(backup, StoreJson.Indented));
            }

            await AddAsync(tar, $"{service.Name}/20200101T000000Z-0badbad0/", null);
            await AddAsync(tar, $"{service.Name}/20200101T000000Z-0badbad0/{BackupManifest.FileName}", Encoding.UTF8.GetBytes("not-a-backup {"));
            await AddAsync(tar, $"{service.Name}/.partial-20200101T000000Z-00000000/", null);
        }

        archive.Position = 0;
        await using var holder = await SiblingContainer.CreateAsync(
            engine.Client,
            new SiblingContainerSpec(DockerEngineSetup.RuntimeDepsImage) { Entrypoint = ["true"], Labels = engine.Labels, Binds = [$"{store}:/store"] },
            CancellationToken.None);
        await engine.Client.Containers.ExtractArchiveToContainerAsync(holder.Id, new CopyToContainerParameters { Path = "/store" }, archive);
    }

    private static async Task AddAsync(TarWriter tar, string name, byte[]? content)
    {
        var entry = new PaxTarEntry(content is null ? TarEntryType.Directory : TarEntryType.RegularFile, name)
        {
            Mode = content is null ? (UnixFileMode)0x1ED : (UnixFileMode)0x1A4,
        };
        if (content is not null)
        {
            entry.DataStream = new MemoryStream(content);
        }

        await tar.WriteEntryAsync(entry);
    }

    private async Task<List<string>> TagsAsync(PasteServiceContainer service)
    {
        var images = await engine.Client.Images.ListImagesAsync(new ImagesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [$"tailpaste-test/{service.Name}"] = true } },
        });
        return images.SelectMany(i => i.RepoTags ?? []).Order(StringComparer.Ordinal).ToList();
    }
}
