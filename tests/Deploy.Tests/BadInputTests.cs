using Tailpaste.Deploy.Tests.Support;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Deploy.Tests;

/// <summary>
/// Bad input is exit 2 naming the input, and nothing changes: no container of the service, no record, no lock
/// left behind — against the real engine, so the checks that need it (the image, the backup, the lock) run for real.
/// </summary>
[Trait("Category", "Docker")]
public sealed class BadInputTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task An_unknown_strategy_is_refused_naming_it()
    {
        var service = await Deployment.CreateAsync(engine);
        var image = await engine.EnsureSampleImageAsync();

        var (run, _) = await service.RunAsync(service.Inputs(image, "canary"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("strategy", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("canary", run.Stdout + run.Stderr, StringComparison.Ordinal);
        await AssertNothingChangedAsync(service);
    }

    [Fact]
    public async Task An_image_the_engine_cannot_have_is_refused_naming_it()
    {
        var service = await Deployment.CreateAsync(engine);

        var (run, _) = await service.RunAsync(service.Inputs($"tailpaste-test/{engine.TestRunId}:does-not-exist"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("image", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("does-not-exist", run.Stdout + run.Stderr, StringComparison.Ordinal);
        await AssertNothingChangedAsync(service);
    }

    [Fact]
    public async Task A_deploy_without_a_backup_id_is_refused_unless_allowed()
    {
        var service = await Deployment.CreateAsync(engine);
        var image = await engine.EnsureSampleImageAsync();

        var (run, _) = await service.RunAsync(service.Inputs(image, extra: new Dictionary<string, string> { ["allow-no-backup"] = "false" }));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("backup-id", run.Stdout + run.Stderr, StringComparison.Ordinal);
        await AssertNothingChangedAsync(service);
    }

    [Fact]
    public async Task A_backup_id_that_is_not_in_the_backup_volume_is_refused()
    {
        var service = await Deployment.CreateAsync(engine);
        var image = await engine.EnsureSampleImageAsync();
        var backups = await engine.CreateVolumeAsync("tp-backups");

        var (run, _) = await service.RunAsync(service.Inputs(image, extra: new Dictionary<string, string>
        {
            ["allow-no-backup"] = "false",
            ["backup-id"] = "20260101T000000Z-0123abcd",
            ["backup-volume"] = backups,
        }));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("20260101T000000Z-0123abcd", run.Stdout + run.Stderr, StringComparison.Ordinal);
        await AssertNothingChangedAsync(service);
    }

    [Fact]
    public async Task A_lock_held_by_a_restore_is_refused_naming_the_holder()
    {
        var service = await Deployment.CreateAsync(engine);
        var image = await engine.EnsureSampleImageAsync();
        await using var held = await ServiceLock.AcquireAsync(
            engine.Client, service.Name, new LockHolder("restore", "Rollback", "4242", "alice", DateTimeOffset.UtcNow), image, "image", TimeSpan.FromHours(1), engine.Labels, CancellationToken.None);

        var (run, _) = await service.RunAsync(service.Inputs(image));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("container-name", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("restore by workflow 'Rollback' run 4242 (actor alice)", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Empty(await service.ContainersAsync());
        Assert.Null(await service.RecordAsync());
    }

    private static async Task AssertNothingChangedAsync(Deployment service)
    {
        Assert.Empty(await service.ContainersAsync());
        Assert.Null(await service.RecordAsync());
        Assert.Null(await ServiceLock.FindHolderAsync(service.EngineClient, service.Name, CancellationToken.None));
    }
}
