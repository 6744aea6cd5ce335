using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// Watches the proxy container's nginx worker processes until stopped, through the engine's process list, and
/// collects every worker seen: each reload starts a new one, so the count tells how often users' idle kept-alive
/// connections were closed, independently of what the action reports.
/// </summary>
public sealed class ProxyWorkerWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<string> _workers = [];
    private readonly Task _loop;

    public ProxyWorkerWatch(IDockerClient docker, string container)
    {
        _loop = Task.Run(() => LoopAsync(docker, container));
    }

    /// <summary>Stops watching; the process ids of every worker seen.</summary>
    public async Task<IReadOnlySet<string>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return _workers;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(IDockerClient docker, string container)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var processes = await docker.Containers.ListProcessesAsync(container, new ContainerListProcessesParameters(), _stop.Token);
                var titles = processes.Titles?.ToList() ?? [];
                var pid = titles.IndexOf("PID");
                var command = Math.Max(titles.IndexOf("CMD"), titles.IndexOf("COMMAND"));
                foreach (var row in processes.Processes ?? [])
                {
                    if (row[command].Contains("worker process", StringComparison.Ordinal))
                    {
                        _workers.Add(row[pid]);
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
