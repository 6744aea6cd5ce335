using Tailpaste.TestKit;
using Tailpaste.TestKit.Processes;

namespace Tailpaste.Images.Tests.Support;

/// <summary>
/// A copy of the build context the runner would send (what git tracks and does not ignore, as eng/lib/image.sh
/// lists it), so a test can edit sources and rebuild the root Dockerfile without touching the checkout. Builds go
/// through eng/lib/image.sh's <c>build_image</c>: the same builder, Dockerfile rewrite and cache as the actions
/// image the other tests use.
/// </summary>
internal sealed class ContextCopy : IDisposable
{
    private static readonly TimeSpan _copyTimeout = TimeSpan.FromMinutes(2);

    private readonly string _dockerHost;

    private ContextCopy(string folder, string dockerHost)
    {
        Folder = folder;
        _dockerHost = dockerHost;
    }

    public string Folder { get; }

    public static async Task<ContextCopy> CreateAsync(string dockerHost)
    {
        var folder = Directory.CreateTempSubdirectory("tailpaste-context-").FullName;
        var copy = new ContextCopy(folder, dockerHost);
        try
        {
            await copy.RunBashAsync(
                RepositoryRoot.Path,
                """source eng/lib/common.sh && source eng/lib/image.sh && context_files | tar --null -T - -cf - | tar -xf - -C "$1" """,
                [folder],
                _copyTimeout);
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>Replaces one exact text in a file of the copy; throws when the file does not hold it once.</summary>
    public async Task EditAsync(string path, string oldText, string newText)
    {
        var file = Path.Combine(Folder, path);
        var text = await File.ReadAllTextAsync(file);
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(oldText, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"{path} does not hold \"{oldText}\" exactly once; the test edits that text.");
        }

        await File.WriteAllTextAsync(file, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Builds the copy's root Dockerfile; returns the builder's whole output (BuildKit: --progress=plain).</summary>
    public async Task<string> BuildAsync(IReadOnlyList<string> dockerBuildArguments, TimeSpan timeout) =>
        await RunBashAsync(
            Folder,
            """root="$1"; shift; source "$root/eng/lib/common.sh" && source "$root/eng/lib/image.sh" && build_image Dockerfile "$@" """,
            [RepositoryRoot.Path, .. dockerBuildArguments],
            timeout);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    // stdout and stderr together: build_image prints the builder's log on stderr (TAILPASTE_VERBOSE=1).
    private async Task<string> RunBashAsync(string workingDirectory, string script, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var run = await ToolProcess.RunAsync(
            "bash",
            ["-c", script, "bash", .. arguments],
            workingDirectory,
            new Dictionary<string, string?> { ["DOCKER_HOST"] = _dockerHost, ["TAILPASTE_VERBOSE"] = "1" },
            timeout);
        var output = run.Stdout + run.Stderr;
        return run.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"bash -c '{script}' failed with exit code {run.ExitCode}:\n{output}");
    }
}
