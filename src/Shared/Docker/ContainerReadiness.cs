using System.Diagnostics;
using Docker.DotNet;
using Tailpaste.Shared.Http;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Waits until a container that was just started serves: it runs, Docker's own health check does not call it
/// unhealthy, and its URL answers. A container that exits, or that Docker marks unhealthy, fails at once with its
/// last log lines; one that never answers fails at the time limit with the last answer it gave. deploy waits for a
/// new slot this way, backup-restore for the restored (or rolled-back) service.
/// </summary>
public static class ContainerReadiness
{
    private static readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _pause = TimeSpan.FromMilliseconds(200);

    /// <summary>Null when the container serves within <paramref name="timeout"/>; otherwise why not.</summary>
    /// <param name="shownUrl">How messages name <paramref name="url"/> (never with its credentials).</param>
    /// <param name="only200">True where only 200 counts as an answer; false takes any 2xx.</param>
    public static async Task<string?> WaitAsync(IDockerClient docker, HttpProbe http, string containerId, Uri url, string shownUrl, bool only200, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(http);
        var clock = Stopwatch.StartNew();
        var problem = "it was not asked";
        while (true)
        {
            var state = (await docker.Containers.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false)).State;
            if (state is { Running: false, Restarting: false })
            {
                return $"the container stopped with exit code {state.ExitCode} before {shownUrl} answered; its last lines: {await LastLinesAsync(docker, containerId).ConfigureAwait(false)}";
            }

            if (state?.Health?.Status == "unhealthy")
            {
                return $"Docker's health check calls it unhealthy; its last lines: {await LastLinesAsync(docker, containerId).ConfigureAwait(false)}";
            }

            var answer = await http.SendAsync(HttpProbeRequest.Get(url, _requestTimeout), cancellationToken).ConfigureAwait(false);
            if (only200 ? answer.StatusCode == 200 : answer.IsSuccess)
            {
                return null;
            }

            problem = answer.StatusCode is { } status ? $"it answered {status}" : answer.Error ?? "no answer";
            if (clock.Elapsed >= timeout)
            {
                return $"{shownUrl} did not answer {(only200 ? "200" : "2xx")} within {timeout.TotalSeconds:0.#} s ({problem})";
            }

            await Task.Delay(_pause, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The container's last few lines, one line of text, for an error message.</summary>
    public static async Task<string> LastLinesAsync(IDockerClient docker, string containerId)
    {
        try
        {
            var lines = await ContainerLogReader.ReadAsync(docker, containerId, new ContainerLogQuery { Tail = 5, MaxLines = 10 }, CancellationToken.None).ConfigureAwait(false);
            return lines.Count == 0 ? "(none)" : string.Join(" | ", lines.TakeLast(5).Select(line => line.Text.Length > 200 ? line.Text[..200] + "…" : line.Text));
        }
        catch (DockerApiException)
        {
            return "(unavailable)";
        }
    }
}
