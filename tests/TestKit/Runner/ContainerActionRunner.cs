using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.TestKit.Runner;

/// <summary>
/// Starts the actions image the way the GitHub runner starts a Docker container action: workdir
/// <c>/github/workspace</c>, the runner's folders mounted under <c>/github</c>, file commands as
/// container paths, inputs as <c>INPUT_&lt;NAME&gt;</c> with dashes kept, the Docker socket at
/// <c>/var/run/docker.sock</c>, and the action's name as the first argument (its action.yml's args).
/// </summary>
public sealed class ContainerActionRunner : IDisposable
{
    private static readonly TimeSpan _defaultRunTimeout = TimeSpan.FromMinutes(2);

    private readonly DockerEngineFixture _engine;
    private readonly string _host;
    private readonly TimeSpan _runTimeout;

    /// <param name="runTimeout">How long one action may run before it counts as hung (default 2 minutes).</param>
    public ContainerActionRunner(DockerEngineFixture engine, TimeSpan? runTimeout = null)
    {
        _engine = engine;
        _runTimeout = runTimeout ?? _defaultRunTimeout;
        _host = Directory.CreateTempSubdirectory("tailpaste-runner-").FullName;
        Workspace = Directory.CreateDirectory(Path.Combine(_host, "workspace")).FullName;
        FileCommands = Directory.CreateDirectory(Path.Combine(_host, "file_commands")).FullName;
        Directory.CreateDirectory(Path.Combine(_host, "home"));
    }

    /// <summary>The host folder the container sees as <c>/github/workspace</c>.</summary>
    public string Workspace { get; }

    /// <summary>The host folder the container sees as <c>/github/file_commands</c>.</summary>
    public string FileCommands { get; }

    public string OutputFile => Path.Combine(FileCommands, "set_output");

    public string SummaryFile => Path.Combine(FileCommands, "step_summary");

    public async Task<ContainerActionRun> RunAsync(string action, IReadOnlyDictionary<string, string> inputs) =>
        await RunImageAsync(await _engine.EnsureActionsImageAsync(), action, inputs);

    /// <summary>
    /// Runs the given image as the runner runs a container action whose action.yml names it (a released
    /// <c>docker://</c> image, say): its own entry point, the action's name as the argument.
    /// </summary>
    public async Task<ContainerActionRun> RunImageAsync(string image, string action, IReadOnlyDictionary<string, string> inputs)
    {
        await File.WriteAllTextAsync(OutputFile, string.Empty);
        await File.WriteAllTextAsync(SummaryFile, string.Empty);
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = "/github/workspace",
            ["HOME"] = "/github/home",
            ["GITHUB_OUTPUT"] = "/github/file_commands/set_output",
            ["GITHUB_STEP_SUMMARY"] = "/github/file_commands/step_summary",
        };
        var manifest = ActionManifest.Load(Path.Combine(RepositoryRoot.Path, "actions", action, ActionManifest.ResourceName));
        foreach (var (name, value) in RunnerInputs.For(manifest, inputs))
        {
            environment[name] = value;
        }

        var socket = DockerEndpoint.Parse(_engine.DockerHost).SocketPath
            ?? throw new InvalidOperationException($"DOCKER_HOST={_engine.DockerHost} is not a unix socket; the runner mounts a socket.");
        var id = await _engine.RunContainerAsync(new DockerContainerSpec(image)
        {
            Command = [action],
            Environment = environment,
            WorkingDirectory = "/github/workspace",
            Binds =
            [
                $"{Workspace}:/github/workspace",
                $"{FileCommands}:/github/file_commands",
                $"{Path.Combine(_host, "home")}:/github/home",
                $"{socket}:/var/run/docker.sock",
            ],
            NamePrefix = "action-" + action,
        });
        var exitCode = await _engine.WaitForExitAsync(id, _runTimeout);
        var log = await _engine.ReadLogsAsync(id);
        return new ContainerActionRun(
            (int)exitCode,
            string.Join('\n', log.Where(l => l.Stream == ContainerLogStream.StandardOutput).Select(l => l.Text)),
            string.Join('\n', log.Where(l => l.Stream == ContainerLogStream.StandardError).Select(l => l.Text)),
            RunnerFile.Outputs(OutputFile),
            await File.ReadAllTextAsync(SummaryFile));
    }

    public void Dispose() => Directory.Delete(_host, recursive: true);
}
