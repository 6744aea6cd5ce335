using System.Globalization;
using Tailpaste.Pipeline.Tests.Harness;
using Tailpaste.Pipeline.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Pipeline.Tests;

/// <summary>
/// deploy.yml dispatched by hand and run by the harness, its actions as containers on the real engine against the
/// sample service: backup → deploy → health check → summary, then a dispatch with <c>rollback: true</c> that puts
/// the deploy's own backup back through rollback.yml (workflow_call).
/// </summary>
[Trait("Category", "Docker")]
public sealed class DeployWorkflowTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task Dispatching_a_deploy_backs_up_deploys_the_image_checks_health_and_a_rollback_dispatch_restores_that_backup()
    {
        var site = await ProductionSite.StartAsync(engine);
        var (service, harness) = (site.Service, site.Harness);
        var production = $"{service.ImageRepository}:production";
        var next = await service.ImageAsync("2.0.0", "ENV APP_VERSION=2.0.0");
        var kept = await service.PostAsync("written before the deploy");

        var deployRun = await harness.RunAsync("deploy.yml", WorkflowEvent.Dispatch(new Dictionary<string, string>
        {
            ["environment"] = "production",
            ["image"] = next,
            ["trigger"] = "manual",
        }));

        Assert.True(deployRun.Succeeded, deployRun.ToString());
        Assert.Equal("skipped", deployRun.Job("rollback").Result);
        var deploy = deployRun.Job("deploy");
        Assert.Equal("self-hosted,tailpaste-production", deploy.RunsOn);
        Assert.Equal("production", deploy.Environment);
        Assert.Equal("deploy-production", deploy.ConcurrencyGroup);
        Assert.Equal("skipped", deploy.Step("image").Outcome);
        var backupId = deploy.Outputs["backup-id"];
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$", backupId);
        Assert.Equal(backupId, deploy.Step("deploy").Inputs["backup-id"]);
        Assert.Equal("manual", deploy.Step("deploy").Inputs["trigger"]);
        Assert.Equal(next, deploy.Outputs["deployed-image"]);
        Assert.Equal("false", deploy.Outputs["rolled-back"]);
        Assert.Equal("healthy", deploy.Outputs["status"]);
        Assert.Equal(production, deploy.Step("deploy").Outputs["previous-image"]);
        Assert.Contains("## Deploy to production", deploy.Summary, StringComparison.Ordinal);
        Assert.Contains($"| backup | `{backupId}` |", deploy.Summary, StringComparison.Ordinal);
        Assert.Contains($"| deployed image | `{next}` |", deploy.Summary, StringComparison.Ordinal);
        Assert.Contains($"| previous image | `{production}` |", deploy.Summary, StringComparison.Ordinal);
        Assert.Contains("| rolled back | `false` |", deploy.Summary, StringComparison.Ordinal);
        Assert.Contains("| health after deploy | `healthy` |", deploy.Summary, StringComparison.Ordinal);
        Assert.Equal("2.0.0", await service.VersionAsync());
        Assert.Equal("written before the deploy", await service.GetAsync(kept));
        var reports = Path.Combine(harness.Artifacts, "deploy-production-reports");
        Assert.All(["backup-report.json", "deploy-report.json", "health-check-report.json"], report => Assert.True(File.Exists(Path.Combine(reports, report)), $"{report} was not uploaded"));
        Assert.Equal("30", File.ReadAllText(Path.Combine(reports, ".retention-days")));

        var dropped = await service.PostAsync("written after the deploy");
        // A verified backup newer than the deploy's, so that restoring "the newest verified backup" (an ignored
        // backup-id) would put 2.0.0 back, and only the backup-id the dispatch names brings 1.0.0.
        var later = await site.BackupAsync(verify: true);
        var rollbackRun = await harness.RunAsync("deploy.yml", WorkflowEvent.Dispatch(new Dictionary<string, string>
        {
            ["environment"] = "production",
            ["rollback"] = "true",
            ["backup-id"] = backupId,
        }));

        Assert.True(rollbackRun.Succeeded, rollbackRun.ToString());
        Assert.Equal("skipped", rollbackRun.Job("deploy").Result);
        var rollback = rollbackRun.Job("rollback");
        Assert.Equal(backupId, rollback.Outputs["restored-backup-id"]);
        Assert.Equal("healthy", rollback.Outputs["status"]);
        var restore = rollback.Called!.Job("restore");
        Assert.Equal("self-hosted,tailpaste-production", restore.RunsOn);
        Assert.Equal("deploy-production", restore.ConcurrencyGroup);
        Assert.Equal(backupId, restore.Step("restore").Inputs["backup-id"]);
        Assert.Equal(production, restore.Step("restore").Outputs["restored-image"]);
        // The deploy's smoke probe and the health checks wrote pastes after the backup too; the test's own is one of them.
        Assert.True(int.Parse(restore.Step("restore").Outputs["rows-lost"], CultureInfo.InvariantCulture) >= 1, rollbackRun.ToString());
        Assert.Contains("## Rollback of production", rollbackRun.Summary, StringComparison.Ordinal);
        Assert.Contains($"| restored backup | `{backupId}` |", rollbackRun.Summary, StringComparison.Ordinal);
        Assert.Contains($"| image running now | `{production}` |", rollbackRun.Summary, StringComparison.Ordinal);
        Assert.Contains("| health after restore | `healthy` |", rollbackRun.Summary, StringComparison.Ordinal);
        Assert.Equal("1.0.0", await service.VersionAsync());
        Assert.Equal("written before the deploy", await service.GetAsync(kept));
        Assert.Null(await service.GetAsync(dropped));
        Assert.NotEqual(later, backupId);
    }
}
