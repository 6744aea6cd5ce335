using System.Diagnostics;
using System.Text;

namespace Tailpaste.TestKit.Processes;

/// <summary>
/// Runs a program (git, tar, bash with a script, the sample service...) the one way tests do: arguments as a list,
/// never through a shell string; its streams redirected as UTF-8 and its standard input closed, so nothing waits
/// on the test host's console; a time limit after which the whole process tree is killed.
/// </summary>
public static class ToolProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan _drainOnTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How to start <paramref name="fileName"/>: redirected streams, and <paramref name="environment"/> over this process's (a null value removes the variable).</summary>
    public static ProcessStartInfo StartInfo(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
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

        return start;
    }

    /// <summary>Runs the program to its end and returns what it printed; throws <see cref="TimeoutException"/> when it overruns <paramref name="timeout"/> (default two minutes).</summary>
    /// <param name="stdin">Written to the program's standard input before it is closed.</param>
    public static Task<ToolResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string? stdin = null) =>
        RunAsync(StartInfo(fileName, arguments, workingDirectory, environment), timeout, stdin);

    /// <summary>The same as <see cref="RunAsync(string, IEnumerable{string}, string?, IReadOnlyDictionary{string, string?}?, TimeSpan?, string?)"/>, for synchronous callers.</summary>
    public static ToolResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string? stdin = null) =>
        RunAsync(fileName, arguments, workingDirectory, environment, timeout, stdin).GetAwaiter().GetResult();

    /// <summary>Runs a start built by <see cref="StartInfo"/> (perhaps adjusted) to its end.</summary>
    public static async Task<ToolResult> RunAsync(ProcessStartInfo start, TimeSpan? timeout = null, string? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        var command = string.Join(' ', [start.FileName, .. start.ArgumentList]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        var limit = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {limit}. Its stderr so far: {await SoFarAsync(stderr).ConfigureAwait(false)}");
        }

        return new ToolResult(command, process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    // A killed program's grandchildren may still hold the pipe open: wait only briefly for what it wrote.
    private static async Task<string> SoFarAsync(Task<string> read)
    {
        var finished = await Task.WhenAny(read, Task.Delay(_drainOnTimeout)).ConfigureAwait(false);
        return finished == read ? await read.ConfigureAwait(false) : "(unavailable)";
    }
}
