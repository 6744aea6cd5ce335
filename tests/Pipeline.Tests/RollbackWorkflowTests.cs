using Tailpaste.Pipeline.Tests.Harness;
using Tailpaste.Pipeline.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Pipeline.Tests;

/// <summary>rollback.yml, dispatched and run by the harness, with its actions as containers on the real engine against the sample service.</summary>
[Trait("Category", "Docker")]
public sealed class RollbackWorkflowTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Dispatching_rollback_restores_the_backup_checks_health_and_says_what_was_restored()
    {
        var site = await ProductionSite.StartAsync(engine);
        var (service, harness) = (site.Service, site.Harness);
        var kept = await service.PostAsync("kept by the backup");
        var backupId = await site.BackupAsync();
        var dropped = await service.PostAsync("written after the backup");

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
