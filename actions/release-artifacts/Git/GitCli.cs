using System.Diagnostics;
using System.Text;

namespace Tailpaste.ReleaseArtifacts.Git;

/// <summary>
/// Runs the git CLI in one repository. Arguments always go through <see cref="ProcessStartInfo.ArgumentList"/>
/// and never through a shell, so a ref name can never become a command.
/// </summary>
public sealed class GitCli
{
    public GitCli(string repositoryPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryPath);
        RepositoryPath = Path.GetFullPath(repositoryPath);
    }

    public string RepositoryPath { get; }

    /// <summary>Runs git and returns its stdout; throws <see cref="GitException"/> on a non-zero exit.</summary>
    public async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? environment = null, string? stdin = null)
    {
        var result = await TryRunAsync(arguments, cancellationToken, environment, stdin).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Stdout : throw new GitException(result);
    }

    public async Task<GitResult> TryRunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? environment = null, string? stdin = null)
    {
        var argumentList = arguments.ToList();
        using var process = Start(argumentList, environment);
        var stdoutTask = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderrTask = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new GitResult(argumentList, process.ExitCode, await stdoutTask.ConfigureAwait(false), await stderrTask.ConfigureAwait(false));
    }

    /// <summary>True for a shallow clone (actions/checkout's default), which lacks the history before its cut.</summary>
    public async Task<bool> IsShallowAsync(CancellationToken cancellationToken = default) =>
        (await TryRunAsync(["rev-parse", "--is-shallow-repository"], cancellationToken).ConfigureAwait(false)).Stdout.Trim() == "true";

    /// <summary>Starts git with redirected streams, for callers that stream its output themselves.</summary>
    public Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = RepositoryPath,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };

        // Output must not depend on the user's pager, language or replace refs.
        info.Environment["GIT_PAGER"] = "cat";
        info.Environment["LC_ALL"] = "C";
        info.Environment["GIT_NO_REPLACE_OBJECTS"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("core.quotepath=off");

        // In the action's container the workspace belongs to the runner's user, not to root, and git refuses
        // such a repository ("dubious ownership"). Trust this one path, for this command only.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("safe.directory=" + RepositoryPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(info) ?? throw new GitException("git could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // The actions image or the runner lacks git: say so instead of a bare "No such file or directory".
            throw new GitException($"git could not be started ({e.Message}); the action needs the git CLI on PATH", e);
        }
    }
}
