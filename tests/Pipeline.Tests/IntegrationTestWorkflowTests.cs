using System.Globalization;
using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using Tailpaste.Pipeline.Tests.Harness;
using Tailpaste.Pipeline.Tests.Support;
using Tailpaste.TestKit;

namespace Tailpaste.Pipeline.Tests;

/// <summary>integration-test.yml run by the harness after a CI run: the service built, started, health-checked and cleaned up on the real engine.</summary>
[Trait("Category", "Docker")]
public sealed class IntegrationTestWorkflowTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task After_a_successful_ci_run_the_service_is_started_checked_healthy_and_everything_it_made_is_removed()
    {
        var runId = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        var port = DockerEngineFixture.FreeLoopbackPort();
        var harness = Harness(runId, port);
        try
        {
            var run = await harness.RunAsync("integration-test.yml", CiCompleted("success"));

            Assert.True(run.Succeeded, run.ToString());
            var job = run.Job("integration");
            Assert.Equal("self-hosted,tailpaste-staging", job.RunsOn);
            var health = job.Step("health");
            Assert.Equal("healthy", health.Outputs["status"]);
            Assert.Contains("/readyz answered 2xx after ", health.Log, StringComparison.Ordinal);
            // The uploaded report names each check it ran and how it went.
            var checks = JsonNode.Parse(File.ReadAllText(Path.Combine(harness.Artifacts, "integration-health-report", "integration-health-report.json")))!["checks"]!.AsObject();
            Assert.All(["smoke", "fuzz", "service", "functionality", "container", "database", "logs", "slo"], name => Assert.Equal("passed", checks[name]?["status"]?.GetValue<string>()));
            Assert.Equal(string.Empty, health.Outputs["smoke-failed-steps"]);
            Assert.Equal("0", health.Outputs["fuzz-high-findings"]);
            Assert.Equal("0", health.Outputs["slo-error-rate"]);
            Assert.True(double.TryParse(health.Outputs["slo-p95-ms"], CultureInfo.InvariantCulture, out _), health.ToString());
            Assert.Contains("thresholds held", checks["slo"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("0123456789abcdef0123456789abcdef0123abcd", job.Steps.Single(s => s.What.StartsWith("actions/checkout", StringComparison.Ordinal)).Inputs["ref"]);
            var cleanup = job.Steps[^1];
            Assert.Equal("success", cleanup.Outcome);
            Assert.Equal("1", cleanup.Outputs["removed-containers"]);
            Assert.Equal("1", cleanup.Outputs["removed-volumes"]);
            Assert.Equal("1", cleanup.Outputs["removed-images"]);
            Assert.Empty(await Leftovers(runId));
            var report = Path.Combine(harness.Artifacts, "integration-health-report");
            Assert.True(File.Exists(Path.Combine(report, "integration-health-report.json")), "the health report was not uploaded");
            Assert.Equal("30", File.ReadAllText(Path.Combine(report, ".retention-days")));
        }
        finally
        {
            await RemoveLeftovers(runId);
        }
    }

    [Fact]
    public async Task After_a_failed_ci_run_nothing_runs()
    {
        var run = await Harness("1", DockerEngineFixture.FreeLoopbackPort()).RunAsync("integration-test.yml", CiCompleted("failure"));

        Assert.Equal("skipped", run.Job("integration").Result);
        Assert.Empty(run.Job("integration").Steps);
    }

    private WorkflowHarness Harness(string runId, int port)
    {
        var harness = new WorkflowHarness(RepositoryRoot.Path, () => new ContainerLocalActions(engine));
        harness.GitHub["run_id"] = runId;
        harness.Vars["TAILPASTE_INTEGRATION_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        harness.Vars["TAILPASTE_INTEGRATION_URL"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        // The load test's thresholds as a staging host would set them, loose enough for a busy test machine: the
        // test is that the slo check runs against them and holds, not how fast this machine is.
        harness.Vars["TAILPASTE_INTEGRATION_SLO"] = "p(95)<10000, rate<0.01";
        harness.Vars["TAILPASTE_INTEGRATION_HEALTH_SLO"] = "p(95)<10000";
        harness.RunnerEnvironment["DOCKER_HOST"] = engine.DockerHost;
        harness.Doubles["docker/build-push-action"] = SampleImageBuild.Double(engine);
        return harness;
    }

    private static WorkflowEvent CiCompleted(string conclusion) => WorkflowEvent.Of("workflow_run", new Dictionary<string, object?>
    {
        ["action"] = "completed",
        ["workflow_run"] = new Dictionary<string, object?>
        {
            ["name"] = "ci",
            ["conclusion"] = conclusion,
            ["head_sha"] = "0123456789abcdef0123456789abcdef0123abcd",
            ["head_branch"] = "main",
        },
    });

    private async Task<List<string>> Leftovers(string runId)
    {
        var filter = RunFilter(runId);
        var containers = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
        var volumes = await engine.Client.Volumes.ListAsync(new VolumesListParameters { Filters = filter });
        var images = await engine.Client.Images.ListImagesAsync(new ImagesListParameters { Filters = filter });
        return [.. containers.Select(c => "container " + c.ID), .. (volumes.Volumes ?? []).Select(v => "volume " + v.Name), .. images.Select(i => "image " + i.ID)];
    }

    // What a failed run might leave: the run's labels select exactly its own resources.
    private async Task RemoveLeftovers(string runId)
    {
        var filter = RunFilter(runId);
        foreach (var container in await engine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }))
        {
            await engine.Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        foreach (var volume in (await engine.Client.Volumes.ListAsync(new VolumesListParameters { Filters = filter })).Volumes ?? [])
        {
            await engine.Client.Volumes.RemoveAsync(volume.Name, force: true);
        }
    }

    private static Dictionary<string, IDictionary<string, bool>> RunFilter(string runId) =>
        new() { ["label"] = new Dictionary<string, bool> { [$"tailpaste-run={runId}"] = true } };
}
