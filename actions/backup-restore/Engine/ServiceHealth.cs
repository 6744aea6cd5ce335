using System.Diagnostics;
using Docker.DotNet;
using Tailpaste.Shared.Http;

namespace Tailpaste.BackupRestore.Engine;

/// <summary>Waits until the (re)started service runs and answers its URL with 200, within a limit.</summary>
public static class ServiceHealth
{
    private static readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _pause = TimeSpan.FromMilliseconds(250);

    /// <summary>Null when healthy; otherwise what was wrong at the end.</summary>
    public static async Task<string?> WaitAsync(IDockerClient docker, string containerId, Uri url, string urlForDisplay, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        using var http = new HttpProbe();
        var clock = Stopwatch.StartNew();
        var problem = "it was not asked";
        while (clock.Elapsed < timeout)
        {
            var state = (await docker.Containers.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false)).State;
            if (state is { Running: false } && !state.Restarting)
            {
                return $"the container stopped (exit code {state.ExitCode}) before {urlForDisplay} answered";
            }

            var answer = await http.SendAsync(HttpProbeRequest.Get(url, _requestTimeout), cancellationToken).ConfigureAwait(false);
            if (answer.StatusCode == 200)
            {
                return null;
            }

            problem = answer.StatusCode is { } status ? $"it answered {status}" : answer.Error ?? "no answer";
            await Task.Delay(_pause, cancellationToken).ConfigureAwait(false);
        }

        return $"{urlForDisplay} did not answer 200 within {timeout.TotalSeconds:0} s ({problem})";
    }
}
