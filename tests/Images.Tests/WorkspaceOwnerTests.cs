using Tailpaste.TestKit;
using Tailpaste.TestKit.Processes;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Images.Tests;

/// <summary>
/// On a hosted runner the workspace belongs to the runner's user (uid 1001) while the container starts as root;
/// what an action writes there must stay the workspace owner's, and the Docker socket (root:docker, 660) must stay
/// reachable.
/// </summary>
[Trait("Category", "Docker")]
public sealed class WorkspaceOwnerTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private const int RunnerUser = 1001;

    [Fact]
    public async Task A_report_written_into_a_runner_owned_workspace_belongs_to_the_runner_and_the_engine_still_answers()
    {
        using var run = new ContainerActionRunner(engine);
        // The runner creates the file-command files as its own user; the run below truncates them and keeps the owner.
        await File.WriteAllTextAsync(run.OutputFile, string.Empty);
        await File.WriteAllTextAsync(run.SummaryFile, string.Empty);
        await ChownAsync(run.Workspace);
        await ChownAsync(run.FileCommands);

        var result = await run.RunAsync("docker-cleanup", new Dictionary<string, string>
        {
            ["labels"] = "tailpaste.workspace-owner=" + Guid.NewGuid().ToString("N"),
            ["resources"] = "containers,volumes",
            ["prune-dangling"] = "false",
            ["dry-run"] = "true",
            ["report-path"] = "cleanup-report.json",
        });

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        var report = Path.Combine(run.Workspace, "cleanup-report.json");
        Assert.True(File.Exists(report), "no report in the workspace");
        Assert.Equal($"{RunnerUser}:{RunnerUser}", await OwnerAsync(report));
    }

    private static async Task ChownAsync(string folder) =>
        await RunAsync("chown", "-R", $"{RunnerUser}:{RunnerUser}", folder);

    private static async Task<string> OwnerAsync(string path) =>
        (await RunAsync("stat", "-c", "%u:%g", path)).Trim();

    private static async Task<string> RunAsync(string program, params string[] arguments) =>
        (await ToolProcess.RunAsync(program, arguments)).EnsureSuccess().Stdout;
}
