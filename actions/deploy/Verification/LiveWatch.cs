using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Tailpaste.Deploy.Proxy;
using Tailpaste.Shared.Probes.Load;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Deploy.Verification;

/// <summary>
/// Watches the live URL after a switch: the action's own paced probe through the proxy and users' requests from
/// the proxy's access log feed one sliding window; every second the window's error rate and p95, the container's
/// error lines and its state are judged. The first threshold crossed ends the watch at once with the reason. A
/// request the proxy refused (connection refused: the proxy itself restarting) is not the new version's failure
/// and is counted apart.
/// </summary>
public sealed class LiveWatch(IDockerClient docker, ProxyLog proxyLog, WatchSettings settings, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly LatencyHistogram _latency = new();
    private long _requests;
    private long _failures;
    private long _probeRequests;
    private long _userRequests;
    private long _proxyUnreachable;
    private long _inFlightAtSwitch;

    /// <summary>Called once after the first tick (tests kill the run there).</summary>
    public Func<Task>? AfterFirstTick { get; init; }

    public async Task<WatchOutcome> RunAsync(WatchTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var window = new SloWindow(WatchSettings.SlidingWindow, 10, _time);
        var errors = new LogErrorCounter(docker, target.LiveContainerId, target.SwitchedAt);
        var clock = Stopwatch.StartNew();
        using var stopProbe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var plan = new LoadPlan
        {
            ServiceUrl = target.UsersUrl,
            Paths = ["/"],
            Model = LoadModel.Open,
            Rate = settings.Rate,
            Concurrency = Math.Max(4, settings.Rate),
            Duration = settings.Length,
            RequestTimeout = TimeSpan.FromSeconds(5),
            Warmup = false,
        };
        var probe = Task.Run(() => LoadGenerator.RunAsync(plan, sample => Record(window, sample), stopProbe.Token), CancellationToken.None);
        string? failure = null;
        var first = true;
        try
        {
            while (clock.Elapsed < settings.Length && failure is null)
            {
                await Task.Delay(WatchSettings.Tick, cancellationToken).ConfigureAwait(false);
                foreach (var entry in await proxyLog.ReadNewAsync(cancellationToken).ConfigureAwait(false))
                {
                    Record(window, entry, target);
                }

                var logErrors = await errors.ReadNewAsync(cancellationToken).ConfigureAwait(false);
                failure = await JudgeAsync(window.Observe(), logErrors, target, cancellationToken).ConfigureAwait(false);
                if (first && AfterFirstTick is { } hook)
                {
                    first = false;
                    await hook().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await stopProbe.CancelAsync().ConfigureAwait(false);
            try
            {
                await probe.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped early on purpose.
            }
        }

        lock (_gate)
        {
            return new WatchOutcome
            {
                Failure = failure,
                DecidedAfterSeconds = Math.Round((DateTimeOffset.UtcNow - target.SwitchedAt).TotalSeconds, 1),
                Requests = _requests,
                ProbeRequests = _probeRequests,
                UserRequests = _userRequests,
                Failures = _failures,
                ProxyUnreachable = _proxyUnreachable,
                ErrorRate = _requests == 0 ? null : Math.Round((double)_failures / _requests, 4),
                P95Ms = _latency.Count == 0 ? null : Math.Round(_latency.PercentileMs(95), 1),
                LogErrors = errors.Count,
                LogErrorExamples = errors.Examples,
                InFlightAtSwitch = _inFlightAtSwitch,
            };
        }
    }

    private async Task<string?> JudgeAsync(SloObservation observation, int logErrors, WatchTarget target, CancellationToken cancellationToken)
    {
        var state = (await docker.Containers.InspectContainerAsync(target.LiveContainerId, cancellationToken).ConfigureAwait(false)).State;
        if (state is { Running: false })
        {
            return string.Create(CultureInfo.InvariantCulture, $"the new container stopped (exit code {state.ExitCode})");
        }

        if (observation.Requests >= WatchSettings.MinimumRequests)
        {
            if (observation.ErrorRate > settings.ErrorRate)
            {
                return string.Create(CultureInfo.InvariantCulture, $"error rate {observation.ErrorRate * 100:0.#} % over the last {WatchSettings.SlidingWindow.TotalSeconds:0} s ({observation.Failures} of {observation.Requests} requests) is above {settings.ErrorRate * 100:0.##} %");
            }

            if (observation.Latency.Count >= WatchSettings.MinimumRequests && observation.Latency.PercentileMs(95) is var p95 && p95 > settings.P95Ms)
            {
                return string.Create(CultureInfo.InvariantCulture, $"p95 latency {p95:0} ms over the last {WatchSettings.SlidingWindow.TotalSeconds:0} s is above {settings.P95Ms:0} ms");
            }
        }

        return logErrors > settings.LogErrors
            ? string.Create(CultureInfo.InvariantCulture, $"the new container logged {logErrors} error lines, more than the {settings.LogErrors} allowed")
            : null;
    }

    private void Record(SloWindow window, LoadSample sample)
    {
        if (sample.Outcome.Failure == LoadFailure.Connection)
        {
            Interlocked.Increment(ref _proxyUnreachable);
            return;
        }

        window.Record(sample.Latency, sample.Outcome.Failed);
        lock (_gate)
        {
            _probeRequests++;
            Count(sample.Latency, sample.Outcome.Failed);
        }
    }

    private void Record(SloWindow window, ProxyLogEntry entry, WatchTarget target)
    {
        if (target.ReplacedPort is { } replaced && entry.ServedBy(replaced) && entry.Start < target.SwitchedAt && entry.End >= target.SwitchedAt)
        {
            Interlocked.Increment(ref _inFlightAtSwitch);
        }

        if (entry.IsProbe || entry.Port != target.UsersPort || !entry.ServedBy(target.LivePort) || entry.End < target.SwitchedAt)
        {
            return;
        }

        window.Record(entry.Duration, entry.Failed);
        lock (_gate)
        {
            _userRequests++;
            Count(entry.Duration, entry.Failed);
        }
    }

    private void Count(TimeSpan? latency, bool failed)
    {
        _requests++;
        if (failed)
        {
            _failures++;
        }

        if (latency is { } value)
        {
            _latency.Record(value);
        }
    }
}
