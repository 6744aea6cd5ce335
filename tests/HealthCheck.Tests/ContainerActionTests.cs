using System.Text.Json.Nodes;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// The action as the runner runs it: the actions image built from the root Dockerfile, workdir
/// <c>/github/workspace</c>, file commands under <c>/github/file_commands</c>, inputs as <c>INPUT_&lt;NAME&gt;</c>,
/// the Docker socket mounted — and no host path of the service in sight, so the database, logs, disk and history
/// can only be reached through the Docker API.
/// </summary>
[Trait("Category", "Docker")]
public sealed class ContainerActionTests(PasteServiceFixture fixture) : IClassFixture<PasteServiceFixture>, IDisposable
{
    private readonly string _runner = Directory.CreateTempSubdirectory("tailpaste-health-runner-").FullName;

    public void Dispose() => Directory.Delete(_runner, recursive: true);

    [Fact]
    public async Task In_the_actions_image_every_check_passes_through_the_docker_socket_and_the_history_lands_in_a_volume()
    {
        var service = await fixture.StartAsync();
        var volume = await fixture.Engine.CreateVolumeAsync("health-action-history");
        var inputs = new Dictionary<string, string>
        {
            ["service-url"] = service.Url.ToString().TrimEnd('/'),
            ["container-name"] = service.ContainerId,
            ["checks"] = "service, functionality, container, database, logs, disk",
            ["storage-path"] = "/data",
            ["container-labels"] = $"{DockerEngineFixture.TestRunLabel}={fixture.Engine.TestRunId}",
            ["disk-check-image"] = "mcr.microsoft.com/dotnet/runtime-deps:10.0",
            ["history-volume"] = volume,
        };

        var first = await RunAsync(inputs);
        var second = await RunAsync(inputs);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("healthy", first.Outputs["status"]);
        Assert.Equal("/github/workspace/health-check-report.json", first.Outputs["report-path"]);
        var report = first.Report!;
        Assert.Equal("container:/data/pastes.db", report["metrics"]!["database"]!["source"]!.GetValue<string>());
        Assert.Equal(2, report["metrics"]!["disk"]!["filesystems"]!.AsArray().Count);
        Assert.StartsWith("container:", report["metrics"]!["logs"]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("| service | ✅ passed |", first.Summary, StringComparison.Ordinal);
        Assert.Equal(2, second.Report!["history"]!["runs"]!.GetValue<long>());
        Assert.Equal($"volume:{volume}/history.db", second.Report["history"]!["path"]!.GetValue<string>());
    }

    private async Task<ContainerActionRun> RunAsync(IReadOnlyDictionary<string, string> inputs)
    {
        var image = await fixture.Engine.EnsureActionsImageAsync();
        var workspace = Directory.CreateDirectory(Path.Combine(_runner, "workspace")).FullName;
        var commands = Directory.CreateDirectory(Path.Combine(_runner, "file_commands")).FullName;
        var home = Directory.CreateDirectory(Path.Combine(_runner, "home")).FullName;
        var outputFile = Path.Combine(commands, "set_output");
        var summaryFile = Path.Combine(commands, "step_summary");
        await File.WriteAllTextAsync(outputFile, string.Empty);
        await File.WriteAllTextAsync(summaryFile, string.Empty);
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = "/github/workspace",
            ["HOME"] = "/github/home",
            ["GITHUB_OUTPUT"] = "/github/file_commands/set_output",
            ["GITHUB_STEP_SUMMARY"] = "/github/file_commands/step_summary",
        };
        foreach (var (name, value) in inputs)
        {
            environment[InputValues.VariableName(name)] = value;
        }

        var socket = DockerEndpoint.Parse(fixture.Engine.DockerHost).SocketPath
            ?? throw new InvalidOperationException($"DOCKER_HOST={fixture.Engine.DockerHost} is not a unix socket; the runner mounts a socket.");
        var id = await fixture.Engine.RunContainerAsync(new DockerContainerSpec(image)
        {
            Command = ["health-check"],
            Environment = environment,
            WorkingDirectory = "/github/workspace",
            Binds =
            [
                $"{workspace}:/github/workspace",
                $"{commands}:/github/file_commands",
                $"{home}:/github/home",
                $"{socket}:/var/run/docker.sock",
            ],
            NamePrefix = "health-action",
        });
        var exit = await fixture.Engine.WaitForExitAsync(id, TimeSpan.FromMinutes(2));
        var log = string.Join('\n', (await fixture.Engine.ReadLogsAsync(id)).Select(l => l.Text));
        var reportFile = Path.Combine(workspace, "health-check-report.json");
        var run = new ContainerActionRun(
            (int)exit,
            log,
            ActionRun.ParseOutputs(await File.ReadAllTextAsync(outputFile)),
            await File.ReadAllTextAsync(summaryFile),
            File.Exists(reportFile) ? JsonNode.Parse(await File.ReadAllTextAsync(reportFile)) : null);
        File.Delete(reportFile);
        return run;
    }

    private sealed record ContainerActionRun(int ExitCode, string Log, IReadOnlyDictionary<string, string> Outputs, string Summary, JsonNode? Report)
    {
        public override string ToString() => $"exit {ExitCode}\nlog:\n{Log}\nreport:\n{Report}";
    }
}
