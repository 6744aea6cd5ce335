using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>Local actions started as the runner starts a container action, from the actions image (TestKit's ContainerActionRunner).</summary>
public sealed class ContainerLocalActions(DockerEngineFixture engine) : ILocalActions
{
    // A step of these workflows may take what its job's timeout-minutes allows; a restore drill or a deploy's health
    // wait on a machine that other test runs keep busy can pass the runner's usual two minutes without hanging.
    private readonly ContainerActionRunner _runner = new(engine, TimeSpan.FromMinutes(10));

    public string Workspace => _runner.Workspace;

    public async Task<LocalActionResult> RunAsync(string action, IReadOnlyDictionary<string, string> inputs)
    {
        var run = await _runner.RunAsync(action, inputs);
        return new LocalActionResult(run.ExitCode, run.StandardOutput + "\n" + run.StandardError, run.Outputs, run.Summary);
    }

    public void Dispose() => _runner.Dispose();
}
