namespace Tailpaste.Pipeline.Tests.Harness;

/// <summary>A job workspace for workflows made of run: steps and doubles only; a local action step fails, saying so.</summary>
public sealed class WorkspaceOnly : ILocalActions
{
    public string Workspace { get; } = Directory.CreateTempSubdirectory("tailpaste-harness-workspace-").FullName;

    public Task<LocalActionResult> RunAsync(string action, IReadOnlyDictionary<string, string> inputs) =>
        Task.FromResult(new LocalActionResult(1, $"this run has no local actions (asked for {action})", new Dictionary<string, string>(), string.Empty));

    public void Dispose() => Directory.Delete(Workspace, recursive: true);
}
