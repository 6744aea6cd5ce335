using System.Diagnostics;

namespace Tailpaste.ReleaseArtifacts.Tests;

/// <summary>Runs a real tool (tar, sha256sum, sh, shellcheck, dotnet) with an argument list, never through a shell string.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string file, IReadOnlyList<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 2 minutes.");
        }

        return new Result(process.ExitCode, stdout, stderr.Result);
    }

    public static Result MustRun(string file, IReadOnlyList<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Run(file, arguments, workingDirectory, environment);
        Assert.True(result.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        return result;
    }
}
