using Docker.DotNet.Models;
using Tailpaste.Images.Tests.Support;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.Images.Tests;

/// <summary>
/// The runner builds the root Dockerfile on every job that uses a local action. An edit inside a method body of
/// src/Shared changes no action's view of it (its reference assembly), so the rebuild must recompile src/Shared
/// alone, not every action against it; and the rebuilt image must run the edited code in every action.
/// </summary>
[Trait("Category", "Docker")]
public sealed class SharedRebuildTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    // Two builds: the first is cached when the actions image is current, else a cold build on two loaded cores.
    private static readonly TimeSpan _buildTimeout = TimeSpan.FromMinutes(30);

    // A string literal inside ActionHost.RunAsync: every action prints it after a bad input.
    private const string EditedFile = "src/Shared/Actions/ActionHost.cs";
    private const string EditedText = "for the inputs and their values.";

    [Fact]
    public async Task A_body_only_edit_in_src_Shared_recompiles_no_action_and_every_action_runs_the_edited_code()
    {
        await engine.EnsureActionsImageAsync();
        using var context = await ContextCopy.CreateAsync(engine.DockerHost);
        var image = "tailpaste/actions-rebuild-test:" + engine.TestRunId[..12];
        string[] build = ["--build-arg", "PUBLISH=jit", "--label", $"{DockerEngineFixture.TestRunLabel}={engine.TestRunId}", "--tag", image];
        try
        {
            await context.BuildAsync(build, _buildTimeout);
            // New text each run: BuildKit would take a text an earlier run built from its cache.
            var marker = $"(rebuilt {Guid.NewGuid():N})";
            await context.EditAsync(EditedFile, EditedText, $"for the inputs and their values {marker}.");

            var log = BuildKitLog.Parse(await context.BuildAsync(build, _buildTimeout));

            var sharedBuild = Assert.Single(log.StepsContaining("RUN dotnet build src/Shared"));
            Assert.False(log.IsCached(sharedBuild), $"the edit did not reach the build: {log.Describe(sharedBuild)} was cached");
            foreach (var action in DockerfileTests.ActionNames())
            {
                var compile = Assert.Single(log.StepsContaining($"RUN dotnet publish actions/{action} "));
                Assert.True(log.IsCached(compile), $"a body-only edit in src/Shared recompiled {action}: {log.Describe(compile)} ran");

                var (exitCode, errors) = await RunWithUnknownOptionAsync(image, action);
                Assert.True(exitCode == 2, $"{action}: exit {exitCode}, expected 2 (bad input)\n{errors}");
                Assert.Contains(marker, errors, StringComparison.Ordinal);
            }
        }
        finally
        {
            await RemoveImageAsync(image);
        }
    }

    private async Task<(long ExitCode, string Errors)> RunWithUnknownOptionAsync(string image, string action)
    {
        var id = await engine.RunContainerAsync(new DockerContainerSpec(image)
        {
            Command = [action, "--tailpaste-no-such-option"],
            NetworkMode = "none",
            NamePrefix = "rebuilt-" + action,
        });
        var exitCode = await engine.WaitForExitAsync(id, TimeSpan.FromMinutes(1));
        var log = await engine.ReadLogsAsync(id);
        return (exitCode, string.Join('\n', log.Where(l => l.Stream == ContainerLogStream.StandardError).Select(l => l.Text)));
    }

    private async Task RemoveImageAsync(string image)
    {
        try
        {
            await engine.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true });
        }
        catch (Docker.DotNet.DockerImageNotFoundException)
        {
            // The first build failed before tagging it.
        }
    }
}
