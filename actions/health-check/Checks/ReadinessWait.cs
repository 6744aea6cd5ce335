using System.Diagnostics;
using Tailpaste.Shared.Http;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// Before any check: GETs the readiness URL until it answers 2xx or <c>ready-timeout</c> passes, for a service that
/// was only just started (an integration test's). Not being ready in time is no failure by itself: the checks then
/// run against the service as it is and report what they find.
/// </summary>
public static class ReadinessWait
{
    private static readonly TimeSpan _pause = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the service took to be ready, or null when it was not ready within <paramref name="limit"/>.</summary>
    public static async Task<TimeSpan?> WaitAsync(HttpProbe probe, Uri url, TimeSpan responseTimeout, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            // No request outlives the limit, so a service that accepts and never answers cannot stretch the wait.
            var answer = await probe.SendAsync(HttpProbeRequest.Get(url, left < responseTimeout ? left : responseTimeout), cancellationToken).ConfigureAwait(false);
            if (answer.IsSuccess)
            {
                return clock.Elapsed;
            }

            left = limit - clock.Elapsed;
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left < _pause ? left : _pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
