using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Tailpaste.Shared.Actions;
using Tailpaste.TestKit.Processes;
using Xunit;

namespace Tailpaste.TestKit.Runner;

/// <summary>
/// An action as its own process (the built program, as a self-hosted runner starts it), so a test can kill it
/// outright — no finally block, no rollback, its lock left behind — as a crash or a lost machine would.
/// </summary>
public sealed class ActionProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-action-process-").FullName;

    private ActionProcess(IReadOnlyList<string> arguments, ActionManifest manifest, IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_OUTPUT"] = Path.Combine(_folder, "output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(_folder, "summary"),
        };
        foreach (var (name, value) in RunnerInputs.For(manifest, inputs).Concat(variables))
        {
            environment[name] = value;
        }

        _process = Process.Start(ToolProcess.StartInfo("dotnet", arguments, environment: environment)) ?? throw new InvalidOperationException("the action did not start");
        _process.StandardInput.Close();
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _lines);

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// Starts <paramref name="program"/> (the action's assembly) with <paramref name="inputs"/> as the runner passes
    /// them and <paramref name="variables"/> besides.
    /// </summary>
    /// <param name="runtimeOf">
    /// A test assembly whose runtime configuration and dependencies the program runs with, for an action whose
    /// dependencies the build left to a framework only the tests name (WireMock brings in ASP.NET Core); null runs
    /// the program with its own.
    /// </param>
    public static ActionProcess Start<TOptions>(
        ActionDefinition<TOptions> action,
        Assembly program,
        IReadOnlyDictionary<string, string> inputs,
        IReadOnlyDictionary<string, string> variables,
        Assembly? runtimeOf = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(program);
        List<string> arguments = runtimeOf is null
            ? [program.Location]
            : ["exec", "--runtimeconfig", Path.ChangeExtension(runtimeOf.Location, ".runtimeconfig.json"), "--depsfile", Path.ChangeExtension(runtimeOf.Location, ".deps.json"), program.Location];
        return new ActionProcess(arguments, action.Manifest, inputs, variables);
    }

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

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
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
