using Docker.DotNet.Models;
using Tailpaste.BackupRestore.Tests.Support;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.BackupRestore.Tests;

/// <summary>
/// A restore killed outright (SIGKILL: no finally, no rollback, its lock left behind) at the two risky points —
/// with the new database written beside the old one but not yet renamed, and after the rename before the
/// container is created again. Afterwards the database is the old one or the new one, whole, never a mix; a
/// second restore (the stale lock broken) completes and the service serves the backup.
/// </summary>
[Trait("Category", "Docker")]
public sealed class CrashSafetyTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private static readonly TimeSpan _pauseTimeout = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("rename", false)]
    [InlineData("recreate", true)]
    public async Task A_restore_killed_at_a_step_leaves_a_whole_database_and_a_second_restore_completes(string step, bool replacedBeforeTheKill)
    {
        var service = await PasteServiceContainer.StartAsync(engine);
        var store = await engine.CreateVolumeAsync("tailpaste-backups");
        using var runs = new BackupRestoreRuns(engine, service, store);
        var inBackup = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            inBackup.Add(await service.PostAsync($"in the backup {i}"));
        }

        var backup = await runs.RunAsync("backup");
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var afterBackup = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            afterBackup.Add(await service.PostAsync($"after the backup {i}"));
        }

        var inputs = BackupRestoreRuns.Inputs(engine, service, store, "restore");
        inputs["backup-id"] = backup.Outputs["backup-id"];
        using (var process = ActionProcess.Start(BackupRestoreAction.Definition, typeof(BackupRestoreAction).Assembly, inputs, new Dictionary<string, string> { [BackupRestoreBinder.PauseVariable] = step }))
        {
            if (step == "rename")
            {
                var helper = await WaitForHelperLineAsync("paused before rename", process);
                await process.KillAsync();
                await engine.Client.Containers.KillContainerAsync(helper, new ContainerKillParameters());
            }
            else
            {
                await process.WaitForLineAsync("paused before recreate", _pauseTimeout);
                await process.KillAsync();
            }
        }

        Assert.NotNull(await ServiceLock.FindHolderAsync(engine.Client, service.Name, CancellationToken.None));
        await using (var data = await StoreAccess.OpenAsync(engine, service.Volume))
        {
            var database = await data.CopyOutAsync("pastes.db");
            Assert.Equal("ok", BackupDatabase.IntegrityCheck(database));
            Assert.False(await data.ExistsAsync("pastes.db-wal") && new FileInfo(await data.CopyOutAsync("pastes.db-wal")).Length > 0, "a WAL was left beside the database");
            var ids = BackupDatabase.Ids(database);
            var expected = replacedBeforeTheKill ? inBackup : [.. inBackup, .. afterBackup];
            Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = await runs.RunAsync("restore", new Dictionary<string, string> { ["backup-id"] = backup.Outputs["backup-id"], ["lock-stale-after"] = "1s" });

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("stale lock", again.Stdout, StringComparison.Ordinal);
        Assert.True((await service.InspectAsync()).State!.Running);
        foreach (var id in inBackup)
        {
            Assert.NotNull(await service.GetAsync(id));
        }

        foreach (var id in afterBackup)
        {
            Assert.Null(await service.GetAsync(id));
        }

        Assert.Null(await ServiceLock.FindHolderAsync(engine.Client, service.Name, CancellationToken.None));
    }

    /// <summary>The running helper container (found by the test's label) whose log shows <paramref name="text"/>.</summary>
    private async Task<string> WaitForHelperLineAsync(string text, ActionProcess process)
    {
        var deadline = DateTimeOffset.UtcNow + _pauseTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var running = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerEngineFixture.TestRunLabel}={engine.TestRunId}"] = true } },
            });
            foreach (var container in running.Where(c => c.Image == DockerEngineSetup.ActionsImage))
            {
                IReadOnlyList<ContainerLogLine> lines;
                try
                {
                    lines = await engine.ReadLogsAsync(container.ID);
                }
                catch (Docker.DotNet.DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.NotFound)
                {
                    // An earlier helper of the same run finished and is being removed since the listing: not the paused one.
                    continue;
                }

                if (lines.Any(line => line.Text.Contains(text, StringComparison.Ordinal)))
                {
                    return container.ID;
                }
            }

            await Task.Delay(200);
        }

        Assert.Fail($"no helper printed '{text}' within {_pauseTimeout}; the action said:\n{process.Output}");
        return string.Empty;
    }
}
