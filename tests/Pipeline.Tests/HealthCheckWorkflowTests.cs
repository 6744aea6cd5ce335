using Tailpaste.Pipeline.Tests.Harness;
using Tailpaste.Pipeline.Tests.Support;
using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.Pipeline.Tests;

/// <summary>
/// The recovery chain end to end: a broken version runs (its readiness fails), health-check.yml on its schedule finds
/// it unhealthy twice, and the second run dispatches deploy.yml through the (WireMock) GitHub API; that dispatch's
/// ref and inputs, as recorded, start deploy.yml in the harness, which redeploys the production image; the next
/// scheduled health check finds the service healthy.
/// </summary>
[Trait("Category", "Docker")]
public sealed class HealthCheckWorkflowTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task A_service_unhealthy_twice_in_a_row_dispatches_deploy_yml_which_redeploys_production_and_the_next_check_is_healthy()
    {
        using var github = new FakeGitHub();
        var site = await ProductionSite.StartAsync(engine, "1.1.0", "ENV APP_VERSION=1.1.0", "ENV FAULT_READINESS_FAIL=true");
        var (service, harness) = (site.Service, site.Harness);
        harness.GitHub["repository"] = FakeGitHub.Repository;
        harness.GitHub["api_url"] = github.ApiUrl;
        harness.GitHub["token"] = FakeGitHub.Token;

        var first = await harness.RunAsync("health-check.yml", WorkflowEvent.Of("schedule"));
        var dispatchesAfterFirst = github.Dispatches.Count;
        var second = await harness.RunAsync("health-check.yml", WorkflowEvent.Of("schedule"));

        var firstHealth = first.Job("health").Step("health");
        var secondHealth = second.Job("health").Step("health");
        Assert.Equal("failure", first.Job("health").Result);
        Assert.True(firstHealth.Outputs.GetValueOrDefault("status") == "unhealthy", first.ToString());
        Assert.Equal("1", firstHealth.Outputs["consecutive-failures"]);
        Assert.Equal("false", firstHealth.Outputs["recovery-dispatched"]);
        Assert.Equal(0, dispatchesAfterFirst);
        Assert.Equal("2", secondHealth.Outputs["consecutive-failures"]);
        Assert.True(secondHealth.Outputs["recovery-dispatched"] == "true", second.ToString());
        var dispatch = Assert.Single(github.Dispatches);
        Assert.EndsWith("/actions/workflows/deploy.yml/dispatches", dispatch.RequestMessage!.Path, StringComparison.Ordinal);
        Assert.Contains(FakeGitHub.Token, FakeGitHub.Header(dispatch, "Authorization"), StringComparison.Ordinal);
        var body = FakeGitHub.Body(dispatch);
        var gitRef = body["ref"]!.GetValue<string>();
        Assert.Equal("main", gitRef);
        var inputs = body["inputs"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var production = $"{service.ImageRepository}:production";
        Assert.Equal(new Dictionary<string, string> { ["environment"] = "production", ["trigger"] = "automatic", ["image"] = production }, inputs);
        AssertDeployAccepts(inputs);
        Assert.True(File.Exists(Path.Combine(harness.Artifacts, "health-check-report", "health-check-report.json")), "the report was not uploaded");
        Assert.Equal("30", File.ReadAllText(Path.Combine(harness.Artifacts, "health-check-report", ".retention-days")));

        // What GitHub would start from that request: deploy.yml by workflow_dispatch on the ref, with those inputs.
        var deployRun = await harness.RunAsync("deploy.yml", WorkflowEvent.Dispatch(inputs, gitRef));

        Assert.True(deployRun.Succeeded, deployRun.ToString());
        var deploy = deployRun.Job("deploy");
        Assert.Equal("self-hosted,tailpaste-production", deploy.RunsOn);
        Assert.Equal("automatic", deploy.Step("deploy").Inputs["trigger"]);
        Assert.Equal($"{service.ImageRepository}:1.1.0", deploy.Step("deploy").Outputs["previous-image"]);
        Assert.Equal(production, deploy.Outputs["deployed-image"]);
        Assert.Equal("false", deploy.Outputs["rolled-back"]);
        Assert.Equal("healthy", deploy.Outputs["status"]);
        Assert.Equal("1.0.0", await service.VersionAsync());

        var third = await harness.RunAsync("health-check.yml", WorkflowEvent.Of("schedule"));

        Assert.True(third.Succeeded, third.ToString());
        var thirdHealth = third.Job("health").Step("health");
        Assert.True(thirdHealth.Outputs.GetValueOrDefault("status") == "healthy", third.ToString());
        Assert.Equal("0", thirdHealth.Outputs["consecutive-failures"]);
        Assert.Equal("false", thirdHealth.Outputs["recovery-dispatched"]);
        Assert.Single(github.Dispatches);
    }

    // The dispatch is only as good as deploy.yml's acceptance of it: every key a declared dispatch input, every choice one of its options.
    private static void AssertDeployAccepts(IReadOnlyDictionary<string, string> inputs)
    {
        var deploy = WorkflowFiles.Parse(WorkflowFiles.Source("deploy.yml"));
        foreach (var (name, value) in inputs)
        {
            Assert.True(deploy.Inputs.TryGetValue(name, out var declared), $"deploy.yml declares no input \"{name}\"");
            var options = declared.Body?.GetSequence("options")?.Items.OfType<ScalarNode>().Select(o => o.Value).ToList();
            if (options is not null && declared.Source == "workflow_dispatch")
            {
                Assert.Contains(value, options);
            }
        }
    }
}
