using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

public sealed class ContractTests
{
    [Fact]
    public void Code_and_action_yml_declare_the_same_inputs_and_outputs()
    {
        ActionContract.AssertMatches(HealthCheckAction.Definition, typeof(HealthCheckOutputs));
    }

    [Fact]
    public void Embedded_action_yml_is_the_one_on_disk()
    {
        ActionContract.AssertEmbeddedManifestIsCurrent(HealthCheckAction.Definition.Manifest, RepositoryRoot.Combine("actions", "health-check", "action.yml"));
    }

    [Fact]
    public void Secret_inputs_are_marked_secret()
    {
        var secrets = HealthCheckAction.Definition.Manifest.Inputs.Where(i => i.IsSecret).Select(i => i.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["github-token", "slack-webhook", "upload-token", "webhook-url"], secrets);
    }
}
