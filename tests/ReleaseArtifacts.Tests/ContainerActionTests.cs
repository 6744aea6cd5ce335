using Tailpaste.TestKit;
using Tailpaste.TestKit.Processes;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// The action in the actions image, started as the runner starts it, on a checkout in /github/workspace:
/// the image must carry what the action needs (the git CLI) and the paths it reports are the container's.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ContainerActionTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>, IDisposable
{
    private readonly SampleHistory _history = SampleHistory.Create();
    private readonly ContainerActionRunner _runner = new(engine);

    [Fact]
    public async Task In_the_actions_image_a_checkout_in_the_workspace_becomes_verified_release_files()
    {
        ToolProcess.Run("git", ["clone", "-q", _history.Path, _runner.Workspace]).EnsureSuccess();

        var run = await _runner.RunAsync("release-artifacts", new Dictionary<string, string>
        {
            ["version"] = "v2.0.0",
            ["steps"] = "validate, changelog, archive, checksums, installer",
            ["output-dir"] = "dist",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("2.0.0", run.Outputs["version"]);
        Assert.Equal("v1.1.0-rc.1", run.Outputs["previous-tag"]);
        Assert.Equal("/github/workspace/dist/tailpaste-2.0.0.tar.gz", run.Outputs["archive-path"]);
        var dist = Path.Combine(_runner.Workspace, "dist");
        var check = ToolProcess.Run("sha256sum", ["-c", "SHA256SUMS"], dist);
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.Contains("tailpaste-2.0.0.tar.gz: OK", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_actions_image_the_publish_step_talks_to_the_GitHub_API_through_Octokit()
    {
        // Octokit maps JSON by reflection: this run through the image's own binary is what showed a Native AOT
        // build of release-artifacts failing (TAILPASTE_ACTIONS_PUBLISH=aot), even with Octokit rooted.
        using var github = new FakeGitHub();
        ToolProcess.Run("git", ["clone", "-q", _history.Path, _runner.Workspace]).EnsureSuccess();

        var run = await _runner.RunAsync("release-artifacts", new Dictionary<string, string>
        {
            ["version"] = "v2.0.0",
            ["steps"] = "validate, changelog, archive, checksums, publish",
            ["output-dir"] = "dist",
            ["repository"] = "octo/tailpaste",
            ["github-api-url"] = github.ApiUrl,
            ["github-token"] = "ghs_ContainerRunToken",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("1", run.Outputs["release-id"]);
        Assert.Equal("POST api /repos/octo/tailpaste/releases", github.Lines[1]);
        Assert.Contains("\"tag_name\":\"v2.0.0\"", github.Requests[1].Body, StringComparison.Ordinal);
        Assert.Equal(4, github.AssetsOf(1).Count);
    }

    public void Dispose()
    {
        _runner.Dispose();
        _history.Dispose();
    }
}
