using Tailpaste.Pipeline.Tests.Harness;
using Tailpaste.Pipeline.Tests.Support;
using Tailpaste.TestKit;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.Pipeline.Tests;

/// <summary>
/// health-check.yml on its schedule, run twice by the harness against a service that does not answer: the second
/// unhealthy run dispatches deploy.yml through the (WireMock) GitHub API, with inputs deploy.yml accepts.
/// </summary>
[Trait("Category", "Docker")]
public sealed class HealthCheckWorkflowTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    [Fact]
    public async Task A_service_unhealthy_twice_in_a_row_dispatches_deploy_yml_once_with_inputs_it_declares()
    {
        using var github = new FakeGitHub();
        var harness = new WorkflowHarness(RepositoryRoot.Path, () => new ContainerLocalActions(engine));
        harness.Vars["TAILPASTE_URL"] = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}";
        harness.Vars["TAILPASTE_CONTAINER"] = engine.UniqueName("tailpaste-absent");
        harness.Vars["TAILPASTE_HISTORY_VOLUME"] = await engine.CreateVolumeAsync("tailpaste-pipeline-history");
        harness.Vars["TAILPASTE_IMAGE"] = "tailpaste-test/app";
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
        var inputs = FakeGitHub.Body(dispatch)["inputs"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string> { ["environment"] = "production", ["trigger"] = "automatic", ["image"] = "tailpaste-test/app:production" }, inputs);
        AssertDeployAccepts(inputs);
        Assert.True(File.Exists(Path.Combine(harness.Artifacts, "health-check-report", "health-check-report.json")), "the report was not uploaded");
        Assert.Equal("30", File.ReadAllText(Path.Combine(harness.Artifacts, "health-check-report", ".retention-days")));
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
