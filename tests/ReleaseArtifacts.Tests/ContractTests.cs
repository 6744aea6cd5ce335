using Tailpaste.TestKit;

namespace Tailpaste.ReleaseArtifacts.Tests;

public class ContractTests
{
    [Fact]
    public void Code_and_action_yml_agree()
    {
        ActionContract.AssertMatches(
            ReleaseArtifactsAction.Definition,
            typeof(ReleaseArtifactsOutputs),
            new Dictionary<string, string> { ["version"] = "1.0.0", ["github-token"] = "t0ken", ["repository"] = "octo/tailpaste" });
    }

    [Fact]
    public void Embedded_manifest_is_the_file_on_disk()
    {
        ActionContract.AssertEmbeddedManifestIsCurrent(ReleaseArtifactsAction.Definition.Manifest, RepositoryRoot.Combine("actions", "release-artifacts", "action.yml"));
    }

    [Fact]
    public void Token_input_is_a_secret()
    {
        var token = ReleaseArtifactsAction.Definition.Manifest.FindInput("github-token");
        Assert.NotNull(token);
        Assert.True(token.IsSecret);
    }
}
