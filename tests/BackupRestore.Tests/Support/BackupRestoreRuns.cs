using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.BackupRestore.Tests.Support;

/// <summary>Runs the action in-process as a workflow step would, against one service and one backup volume of a test.</summary>
public sealed class BackupRestoreRuns(DockerEngineFixture engine, PasteServiceContainer service, string store) : IDisposable
{
    private readonly SimulatedRunner _runner = new("tailpaste-backup-test-");

    public string Folder => _runner.Folder;

    public string Store => store;

    public async Task<SimulatedRun> RunAsync(string mode, IReadOnlyDictionary<string, string>? extra = null, IReadOnlyDictionary<string, string>? variables = null, CancellationToken cancellationToken = default)
    {
        await engine.EnsureActionsImageAsync();
        var inputs = Inputs(engine, service, store, mode);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            inputs[name] = value;
        }

        return await _runner.RunAsync(BackupRestoreAction.Definition, inputs, variables, cancellationToken: cancellationToken);
    }

    /// <summary>The inputs every test run shares: the test's service and store, the actions image as the helper, the fixture's labels.</summary>
    public static Dictionary<string, string> Inputs(DockerEngineFixture engine, PasteServiceContainer service, string store, string mode)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(service);
        return new Dictionary<string, string>
        {
            ["mode"] = mode,
            ["container-name"] = service.Name,
            ["backup-volume"] = store,
            ["service-url"] = service.UrlText,
            ["helper-image"] = DockerEngineSetup.ActionsImage,
            ["container-labels"] = $"{DockerEngineFixture.TestRunLabel}={engine.TestRunId}",
            ["docker-host"] = engine.DockerHost,
            ["health-timeout"] = "60s",
        };
    }

    public void Dispose() => _runner.Dispose();
}
