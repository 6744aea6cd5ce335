using Docker.DotNet.Models;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Processes;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>
/// The image a release ships (Native AOT with Octokit rooted, and git) run as the runner runs a <c>docker://</c>
/// action on a checkout in /github/workspace: it publishes the release through Octokit to WireMock answering like
/// the GitHub API (create, list assets, upload each) and tags an image through the Docker socket.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ReleasedImageTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>, IDisposable
{
    private const string Action = "release-artifacts";

    private readonly SampleHistory _history = SampleHistory.Create();
    private readonly ContainerActionRunner _runner = new(engine);

    [Fact]
    public async Task The_released_Native_AOT_image_publishes_through_Octokit_and_tags_an_image_through_the_socket()
    {
        await using var image = await ReleasedActionImage.BuildAsync(engine, Action);
        using var github = new FakeGitHub();
        ToolProcess.Run("git", ["clone", "-q", _history.Path, _runner.Workspace]).EnsureSuccess();
        var source = (await engine.Client.Images.InspectImageAsync(DockerEngineSetup.RuntimeDepsImage)).ID;
        var repository = engine.UniqueName("tailpaste-app-released");

        try
        {
            var run = await _runner.RunImageAsync(image.Reference, Action, new Dictionary<string, string>
            {
                ["version"] = "v2.0.0",
                ["steps"] = "validate, changelog, archive, checksums, publish",
                ["output-dir"] = "dist",
                ["repository"] = "octo/tailpaste",
                ["github-api-url"] = github.ApiUrl,
                ["github-token"] = "ghs_ReleasedImageToken",
                ["image"] = source,
                ["image-name"] = repository,
            });

            Assert.True(await image.IsNativeAotAsync(Action), $"{image.Reference} does not hold {Action} as a Native AOT binary alone");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(
                [
                    "GET api /repos/octo/tailpaste/releases/tags/v2.0.0",
                    "POST api /repos/octo/tailpaste/releases",
                    "GET api /repos/octo/tailpaste/releases/1/assets",
                    "POST uploads /repos/octo/tailpaste/releases/1/assets?name=CHANGELOG.md",
                    "POST uploads /repos/octo/tailpaste/releases/1/assets?name=tailpaste-2.0.0.tar.gz",
                    "POST uploads /repos/octo/tailpaste/releases/1/assets?name=tailpaste-2.0.0.tar.gz.sha256",
                    "POST uploads /repos/octo/tailpaste/releases/1/assets?name=SHA256SUMS",
                ],
                github.Lines);
            Assert.Equal("1", run.Outputs["release-id"]);
            Assert.Equal("https://github.example/octo/tailpaste/releases/tag/v2.0.0", run.Outputs["release-url"]);
            Assert.Equal(4, github.AssetsOf(1).Count);
            Assert.Equal($"{repository}:2.0.0", run.Outputs["image-tags"]);
            Assert.Contains($"{repository}:2.0.0", (await engine.Client.Images.InspectImageAsync(source)).RepoTags ?? []);
        }
        finally
        {
            await UntagAsync($"{repository}:2.0.0");
        }
    }

    public void Dispose()
    {
        _runner.Dispose();
        _history.Dispose();
    }

    private async Task UntagAsync(string tag)
    {
        try
        {
            // Without force: only the tag goes, the base image it points at stays.
            await engine.Client.Images.DeleteImageAsync(tag, new ImageDeleteParameters());
        }
        catch (Docker.DotNet.DockerImageNotFoundException)
        {
            // Never tagged.
        }
    }
}
