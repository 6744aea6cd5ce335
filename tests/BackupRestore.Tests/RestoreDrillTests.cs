using System.Text.Json;
using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Store;
using Tailpaste.BackupRestore.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests;

/// <summary>
/// The restore drill: the saved image on a copy of the backup, in a scratch container without network, the
/// smoke probe against it and the row count compared; the outcome lands in the manifest and the scratch
/// container and volume are gone afterwards.
/// </summary>
[Trait("Category", "Docker")]
public sealed class RestoreDrillTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task A_backup_drilled_after_it_was_taken_restores_serves_and_holds_the_rows_the_manifest_counts()
    {
        // A second VOLUME in the image: the scratch container gets an anonymous volume there, which the drill must remove too.
        var service = await PasteServiceContainer.StartAsync(engine, new Dictionary<string, string> { ["UPLOAD_TOKEN"] = "drill-secret-token" }, ["VOLUME /cache"]);
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        using var runs = new BackupRestoreRuns(engine, service, store);
        for (var i = 0; i < 12; i++)
        {
            await PostWithTokenAsync(service, $"drilled paste {i}");
        }

        await using var events = EngineEventLog.Start(engine.Client, ["container", "volume"]);

        var run = await runs.RunAsync("backup", new Dictionary<string, string> { ["verify-after-backup"] = "true" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("true", run.Outputs["verified"]);
        var drillVolumes = await VolumesMountedInDrillsAsync(events);
        Assert.True(drillVolumes.Count >= 2, "the scratch container mounts its scratch volume and an anonymous one for the image's VOLUME /cache: " + string.Join(", ", drillVolumes));
        Assert.Empty(await StillThereAsync(drillVolumes));
        Assert.Contains("Restore drill passed", run.Stdout, StringComparison.Ordinal);
        var manifest = await ManifestAsync(store, service, run.Outputs["backup-id"]);
        Assert.True(manifest.Drill!.Passed, manifest.Drill.Detail);
        Assert.Equal(12, manifest.Drill.Rows);
        Assert.Empty(await LeftoversAsync());
        await using var access = await StoreAccess.OpenAsync(engine, store);
        var container = await File.ReadAllTextAsync(await access.CopyOutAsync(StoreAccess.BackupFile(service.Name, manifest.Id, BackupManifest.ContainerFile)));
        Assert.DoesNotContain("drill-secret-token", container, StringComparison.Ordinal);
        Assert.Contains("UPLOAD_TOKEN", container, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drill_whose_image_fails_the_smoke_probe_fails_verify_naming_the_step()
    {
        var service = await PasteServiceContainer.StartAsync(engine, new Dictionary<string, string> { ["FAULT_UNKNOWN_ID_FOUND"] = "true" });
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        using var runs = new BackupRestoreRuns(engine, service, store);
        await service.PostAsync("one paste");
        var backup = await runs.RunAsync("backup");
        Assert.True(backup.ExitCode == 0, backup.ToString());

        var verify = await runs.RunAsync("verify", new Dictionary<string, string> { ["drill"] = "true" });

        Assert.True(verify.ExitCode == 1, verify.ToString());
        Assert.Contains("unknown-id", verify.Stdout, StringComparison.Ordinal);
        Assert.Equal("false", verify.Outputs["verified"]);
        var manifest = await ManifestAsync(store, service, backup.Outputs["backup-id"]);
        Assert.False(manifest.Drill!.Passed);
        Assert.False(manifest.Verified);
        Assert.Empty(await LeftoversAsync());
    }

    private static async Task PostWithTokenAsync(PasteServiceContainer service, string content)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, service.Url) { Content = new StringContent(content) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "drill-secret-token");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private async Task<BackupManifest> ManifestAsync(string store, PasteServiceContainer service, string id)
    {
        await using var access = await StoreAccess.OpenAsync(engine, store);
        var path = await access.CopyOutAsync(StoreAccess.BackupFile(service.Name, id, BackupManifest.FileName));
        return JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path), StoreJson.Compact)!;
    }

    /// <summary>
    /// Every volume the engine mounted into a drill's scratch container, once that container is destroyed: its
    /// named scratch volume, and the anonymous volume the saved image's <c>VOLUME</c> line makes, which carries no
    /// label and is seen only in the engine's events.
    /// </summary>
    private static async Task<List<string>> VolumesMountedInDrillsAsync(EngineEventLog events)
    {
        static string? Attribute(Message e, string key) => e.Actor?.Attributes is { } attributes && attributes.TryGetValue(key, out var value) ? value : null;
        static bool IsDrill(Message e) => e.Type == "container" && Attribute(e, "name")?.StartsWith("tailpaste-drill-", StringComparison.Ordinal) == true;
        var seen = await events.WaitUntilAsync(all => all.Any(e => IsDrill(e) && e.Action == "destroy"));
        var drills = seen.Where(IsDrill).Select(e => e.Actor.ID).ToHashSet();
        return seen.Where(e => e.Type == "volume" && e.Action == "mount" && drills.Contains(Attribute(e, "container") ?? string.Empty))
            .Select(e => e.Actor.ID).Distinct().ToList();
    }

    private async Task<List<string>> StillThereAsync(IEnumerable<string> volumes)
    {
        var there = new List<string>();
        foreach (var volume in volumes)
        {
            try
            {
                await engine.Client.Volumes.InspectAsync(volume);
                there.Add(volume);
            }
            catch (Docker.DotNet.DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Removed with the scratch container.
            }
        }

        return there;
    }

    /// <summary>Scratch containers and volumes of a drill that are still there.</summary>
    private async Task<List<string>> LeftoversAsync()
    {
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerEngineFixture.TestRunLabel}={engine.TestRunId}"] = true } };
        var containers = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
        var volumes = await engine.Client.Volumes.ListAsync(new VolumesListParameters { Filters = filter });
        return containers.SelectMany(c => c.Names ?? []).Concat((volumes.Volumes ?? []).Select(v => v.Name)).Where(n => n.Contains("tailpaste-drill-", StringComparison.Ordinal)).ToList();
    }
}
