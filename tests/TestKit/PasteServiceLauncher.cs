using System.Diagnostics;
using System.Text;

namespace Tailpaste.TestKit;

/// <summary>
/// Builds the command line for the sample service: <c>dotnet paste-service/PasteService.dll</c>
/// beside the test binaries (PasteService.targets puts it there), with an environment that
/// holds only what the test asks for.
/// </summary>
public static class PasteServiceLauncher
{
    public const string ServiceFolder = "paste-service";
    public const string ServiceAssembly = "PasteService.dll";

    /// <summary>
    /// Variables the service or ASP.NET read, removed from the inherited environment so a CI
    /// job's APP_VERSION or a developer's ASPNETCORE_URLS cannot change what a test sees.
    /// </summary>
    public static IReadOnlyList<string> ScrubbedVariables { get; } =
    [
        "LISTEN_ADDRESS", "LISTEN_PORT", "STORAGE_PATH", "UPLOAD_TOKEN", "APP_VERSION", "GIT_COMMIT",
        "FAULT_LATENCY_MS", "FAULT_ERROR_RATE", "FAULT_READINESS_FAIL",
        "FAULT_TRUNCATE_LARGE_PASTES", "FAULT_UNKNOWN_ID_FOUND", "FAULT_REFLECT_INPUT", "FAULT_CRASH_ON_MALFORMED_ID",
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS",
    ];

    public static string ServicePath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, ServiceFolder, ServiceAssembly);
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException(
                    $"The sample paste service is not at {path}. The test project must reference tests/TestKit, whose PasteService.targets copies it there on build.",
                    path);
        }
    }

    /// <summary>The dotnet host running the tests: DOTNET_HOST_PATH (set by the dotnet CLI), this process, or PATH.</summary>
    public static string DotnetHost
    {
        get
        {
            var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
            {
                return fromCli;
            }

            var current = Environment.ProcessPath;
            return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        }
    }

    public static ProcessStartInfo CreateStartInfo(IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(arguments);
        var servicePath = ServicePath;
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(servicePath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(servicePath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in ScrubbedVariables)
        {
            start.Environment.Remove(name);
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

        return start;
    }

    /// <summary>Runs the service with the given environment and arguments until it exits by itself.</summary>
    public static async Task<PasteServiceRun> RunToExitAsync(
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyList<string> arguments,
        TimeSpan timeout)
    {
        var stdout = new PasteServiceOutput();
        var stderr = new PasteServiceOutput();
        using var process = new Process { StartInfo = CreateStartInfo(environment, arguments) };
        process.OutputDataReceived += (_, e) => stdout.Add(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.Add(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"The paste service did not exit within {timeout.TotalSeconds:0.#} s. Output:\n{stdout.Text}\n{stderr.Text}");
        }

        // The parameterless wait also drains the redirected streams.
        process.WaitForExit();
        return new PasteServiceRun(process.ExitCode, stdout.Lines, stderr.Lines);
    }
}
