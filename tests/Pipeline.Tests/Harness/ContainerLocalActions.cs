using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>Local actions started as the runner starts a container action, from the actions image (TestKit's ContainerActionRunner).</summary>
public sealed class ContainerLocalActions(DockerEngineFixture engine) : ILocalActions
{
    private readonly ContainerActionRunner _runner = new(engine);

    public string Workspace => _runner.Workspace;

    public async Task<LocalActionResult> RunAsync(string action, IReadOnlyDictionary<string, string> inputs)
    {
        var run = await _runner.RunAsync(action, inputs);
        return new LocalActionResult(run.ExitCode, run.StandardOutput + "\n" + run.StandardError, run.Outputs, run.Summary);
    }

    public void Dispose() => _runner.Dispose();
}
