using System.Diagnostics;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Processes;

namespace Tailpaste.Images.Tests.Support;

/// <summary>
/// Debian's docker-registry (the CNCF distribution registry) serving on 127.0.0.1 from a temp folder, for pushing
/// and pulling images by tag. The engine treats loopback registries as plain-HTTP registries by default.
/// </summary>
internal sealed class LocalRegistry : IAsyncDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _folder;

    private LocalRegistry(Process process, string folder, string address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    /// <summary>host:port, as an image reference names the registry.</summary>
    public string Address { get; }

    public static async Task<LocalRegistry> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("tailpaste-registry-").FullName;
        var address = $"127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}";
        var config = Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(folder, "data")}
              delete:
                enabled: true
            http:
              addr: {address}
            """);
        var process = Process.Start(ToolProcess.StartInfo("docker-registry", ["serve", config])) ?? throw new InvalidOperationException("could not start docker-registry (eng/require-tools.sh installs it)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new LocalRegistry(process, folder, address);
        await registry.WaitUntilAnsweringAsync();
        return registry;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < _startTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode} before answering on {Address}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://{Address}/v2/"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"docker-registry did not answer on http://{Address}/v2/ within {_startTimeout}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
