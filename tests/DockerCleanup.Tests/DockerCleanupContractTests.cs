using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests;

public sealed class DockerCleanupContractTests
{
    [Fact]
    public void Code_and_action_yml_agree_on_inputs_and_outputs() =>
        ActionContract.AssertMatches(DockerCleanupAction.Definition, typeof(DockerCleanupOutputs));

    [Fact]
    public void Embedded_action_yml_is_the_one_on_disk() =>
        ActionContract.AssertEmbeddedManifestIsCurrent(DockerCleanupAction.Definition.Manifest, RepositoryRoot.Combine("actions", "docker-cleanup", "action.yml"));
}
