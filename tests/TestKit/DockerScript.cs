using System.Diagnostics;
using System.Text;

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

        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start bash {path}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"eng/{script} {string.Join(' ', arguments)} did not finish within {timeout}. Its stderr so far: {await SafeAsync(stderr).ConfigureAwait(false)}");
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/{script} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{errors}");
        }

        return output;
    }

    private static async Task<string> SafeAsync(Task<string> read)
    {
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        return finished == read ? await read.ConfigureAwait(false) : "(unavailable)";
    }
}
