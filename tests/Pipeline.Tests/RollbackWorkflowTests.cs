using Tailpaste.Pipeline.Tests.Harness;
using Tailpaste.Pipeline.Tests.Support;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Pipeline.Tests;

/// <summary>rollback.yml, dispatched and run by the harness, with its actions as containers on the real engine against the sample service.</summary>
[Trait("Category", "Docker")]
public sealed class RollbackWorkflowTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Dispatching_rollback_restores_the_backup_checks_health_and_says_what_was_restored()
    {
        var service = await ServiceUnderTest.StartAsync(engine);
        var backups = await engine.CreateVolumeAsync("tailpaste-pipeline-backups");
        var history = await engine.CreateVolumeAsync("tailpaste-pipeline-history");
        var kept = await service.PostAsync("kept by the backup");
        string backupId;
        using (var earlierJob = new ContainerActionRunner(engine))
        {
            var backup = await earlierJob.RunAsync("backup-restore", new Dictionary<string, string>
            {
                ["mode"] = "backup",
                ["container-name"] = service.Name,
                ["backup-volume"] = backups,
                ["service-url"] = service.UrlText,
            });
            Assert.True(backup.ExitCode == 0, backup.ToString());
            backupId = backup.Outputs["backup-id"];
        }

        var dropped = await service.PostAsync("written after the backup");
        var harness = new WorkflowHarness(RepositoryRoot.Path, () => new ContainerLocalActions(engine));
        harness.Vars["TAILPASTE_URL"] = service.UrlText;
        harness.Vars["TAILPASTE_CONTAINER"] = service.Name;
        harness.Vars["TAILPASTE_BACKUP_VOLUME"] = backups;
        harness.Vars["TAILPASTE_HISTORY_VOLUME"] = history;

        var run = await harness.RunAsync("rollback.yml", WorkflowEvent.Dispatch(new Dictionary<string, string> { ["backup-id"] = backupId }));

        Assert.True(run.Succeeded, run.ToString());
        var restore = run.Job("restore");
        Assert.Equal("self-hosted,tailpaste-production", restore.RunsOn);
        Assert.Equal("production", restore.Environment);
        Assert.Equal("deploy-production", restore.ConcurrencyGroup);
        Assert.Equal(backupId, restore.Outputs["restored-backup-id"]);
        Assert.Equal("1", restore.Step("restore").Outputs["rows-lost"]);
        Assert.Equal("healthy", restore.Outputs["status"]);
        Assert.Contains("## Rollback of production", restore.Summary, StringComparison.Ordinal);
        Assert.Contains($"| restored backup | `{backupId}` |", restore.Summary, StringComparison.Ordinal);
        Assert.Contains("| health after restore | `healthy` |", restore.Summary, StringComparison.Ordinal);
        Assert.Equal("kept by the backup", await service.GetAsync(kept));
        Assert.Null(await service.GetAsync(dropped));
        var reports = Path.Combine(harness.Artifacts, "rollback-production-reports");
        Assert.True(File.Exists(Path.Combine(reports, "restore-report.json")), "the restore report was not uploaded");
        Assert.True(File.Exists(Path.Combine(reports, "health-check-report.json")), "the health report was not uploaded");
        Assert.Equal("30", File.ReadAllText(Path.Combine(reports, ".retention-days")));
    }
}
