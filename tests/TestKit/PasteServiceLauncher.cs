using System.Diagnostics;
using Tailpaste.TestKit.Processes;

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
        var variables = ScrubbedVariables.ToDictionary(name => name, string? (_) => null);
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return ToolProcess.StartInfo(DotnetHost, [servicePath, .. arguments], Path.GetDirectoryName(servicePath)!, variables);
    }

    /// <summary>Runs the service with the given environment and arguments until it exits by itself.</summary>
    public static async Task<PasteServiceRun> RunToExitAsync(
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlyList<string> arguments,
        TimeSpan timeout)
    {
        var run = await ToolProcess.RunAsync(CreateStartInfo(environment, arguments), timeout).ConfigureAwait(false);
        return new PasteServiceRun(run.ExitCode, Lines(run.Stdout), Lines(run.Stderr));
    }

    // As the process's line events split a stream: at each line break, with no empty line after the last one.
    private static List<string> Lines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
