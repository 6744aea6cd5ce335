using Tailpaste.TestKit.Processes;

namespace Tailpaste.TestKit;

/// <summary>Runs one of the repository's eng/ scripts and hands back its standard output.</summary>
public static class DockerScript
{
    /// <summary>Runs <c>eng/&lt;script&gt;</c> from the repository root; throws with its stderr when it fails or overruns.</summary>
    public static async Task<string> RunAsync(string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var path = RepositoryRoot.Combine("eng", script);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The script {path} does not exist.", path);
        }

        var run = await ToolProcess.RunAsync("bash", [path, .. arguments], RepositoryRoot.Path, environment, timeout).ConfigureAwait(false);
        return run.ExitCode == 0
            ? run.Stdout
            : throw new InvalidOperationException($"eng/{script} {string.Join(' ', arguments)} failed with exit code {run.ExitCode}:\n{run.Stderr}");
    }
}
