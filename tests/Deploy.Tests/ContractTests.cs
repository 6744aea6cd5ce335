using Tailpaste.TestKit;

namespace Tailpaste.Deploy.Tests;

public sealed class ContractTests
{
    [Fact]
    public void Code_and_action_yml_declare_the_same_inputs_and_outputs() =>
        ActionContract.AssertMatches(DeployAction.Definition, typeof(DeployOutputs), new Dictionary<string, string> { ["image"] = "tailpaste/paste-service:1.0.0", ["backup-id"] = "20260101T000000Z-0123abcd" });

    [Fact]
    public void Embedded_action_yml_is_the_one_on_disk() =>
        ActionContract.AssertEmbeddedManifestIsCurrent(DeployAction.Definition.Manifest, RepositoryRoot.Combine("actions", "deploy", "action.yml"));

    [Fact]
    public void The_upload_token_is_the_only_secret_input() =>
        Assert.Equal(["upload-token"], DeployAction.Definition.Manifest.Inputs.Where(input => input.IsSecret).Select(input => input.Name));

    [Fact]
    public void The_shared_inputs_use_the_project_vocabulary()
    {
        var names = DeployAction.Definition.Manifest.Inputs.Select(i => i.Name).ToList();
        Assert.Contains("container-name", names);
        Assert.Contains("docker-host", names);
        Assert.Contains("report-path", names);
        Assert.Contains("service-url", names);
        Assert.Contains("backup-id", names);
        Assert.DoesNotContain("container", names);
    }

    [Fact]
    public void The_documented_defaults_are_the_issues()
    {
        var inputs = DeployAction.Definition.Manifest.Inputs.ToDictionary(i => i.Name, i => i.Default);
        Assert.Equal("/readyz", inputs["health-path"]);
        Assert.Equal("60s", inputs["verify-window"]);
        Assert.Equal("5", inputs["rollback-error-rate"]);
        Assert.Equal("1000", inputs["rollback-p95-ms"]);
        Assert.Equal("5", inputs["log-errors-after-deploy"]);
        Assert.Equal("3", inputs["log-errors-after-rollback"]);
        Assert.Equal("false", inputs["allow-no-backup"]);
    }
}
