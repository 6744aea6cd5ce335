using System.Collections.Concurrent;
using System.Diagnostics;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.BackupRestore.Tests.Support;

/// <summary>
/// The action as its own process (the built program, as a self-hosted runner would start it), so a test can
/// kill it outright — no finally block, no rollback, the lock left behind — as a crash or a lost machine would.
/// </summary>
public sealed class ActionProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-action-process-").FullName;

    private ActionProcess(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(BackupRestoreAction).Assembly.Location);
        start.Environment["GITHUB_ACTIONS"] = "true";
        start.Environment["GITHUB_OUTPUT"] = Path.Combine(_folder, "output");
        start.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(_folder, "summary");
        foreach (var (name, value) in RunnerInputs.For(BackupRestoreAction.Definition.Manifest, inputs))
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("the action did not start");
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _lines);

    public static ActionProcess Start(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string> variables) => new(inputs, variables);

    /// <summary>Waits until the action prints a line containing <paramref name="text"/>; fails with its output when it exits or the time runs out first.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            Assert.False(_process.HasExited, $"the action exited with {(_process.HasExited ? _process.ExitCode : 0)} before printing '{text}':\n{Output}");
            await Task.Delay(100);
        }

        Assert.Fail($"the action did not print '{text}' within {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL: the process ends at once, without running anything more.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
