using System.Collections.Concurrent;
using System.Diagnostics;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// The deploy action as its own process (the built program, as a self-hosted runner starts it), so a test can kill
/// it outright — no finally block, no rollback, its lock left behind — as a crash or a lost machine would.
/// </summary>
public sealed class DeployProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-deploy-process-").FullName;

    public DeployProcess(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Started with the test assembly's runtime configuration and dependencies: WireMock brings in the ASP.NET Core
        // framework, so the build leaves the Docker client's logging package to that framework and does not copy it
        // beside deploy.dll, whose own runtime configuration names .NET alone.
        var tests = typeof(DeployProcess).Assembly.Location;
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.ChangeExtension(tests, ".runtimeconfig.json"));
        start.ArgumentList.Add("--depsfile");
        start.ArgumentList.Add(Path.ChangeExtension(tests, ".deps.json"));
        start.ArgumentList.Add(typeof(DeployAction).Assembly.Location);
        start.Environment["GITHUB_ACTIONS"] = "true";
        start.Environment["GITHUB_OUTPUT"] = Path.Combine(_folder, "output");
        start.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(_folder, "summary");
        foreach (var (name, value) in RunnerInputs.For(DeployAction.Definition.Manifest, inputs).Concat(variables))
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

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

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

            Assert.False(_process.HasExited, $"the action exited before printing '{text}':\n{Output}");
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
