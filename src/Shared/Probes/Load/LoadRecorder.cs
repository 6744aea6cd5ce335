using System.Diagnostics;
using System.Globalization;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Shared.Probes.Load;

/// <summary>
/// Collects a run's outcomes from every worker under one lock (a few hundred nanoseconds per request, far
/// below any request's own cost) into one fixed-size histogram per path.
/// </summary>
internal sealed class LoadRecorder
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<string> _paths;
    private readonly LatencyHistogram[] _latency;
    private readonly long[] _requests;
    private readonly long[] _failures;
    private readonly Dictionary<int, long> _statuses = [];
    private readonly Dictionary<LoadFailure, long> _failureReasons = [];
    private readonly LatencyHistogram? _serviceTime;
    private readonly LatencyHistogram? _sendDelay;
    private readonly Action<LoadSample>? _observer;
    private long _lastEnd;

    public LoadRecorder(IReadOnlyList<string> paths, bool open, Action<LoadSample>? observer)
    {
        _paths = paths;
        _latency = [.. paths.Select(_ => new LatencyHistogram())];
        _requests = new long[paths.Count];
        _failures = new long[paths.Count];
        _serviceTime = open ? new LatencyHistogram() : null;
        _sendDelay = open ? new LatencyHistogram() : null;
        _observer = observer;
    }

    /// <param name="due">When the request was due (open model) or started (closed): the latency's start.</param>
    /// <param name="sent">When it was actually sent.</param>
    /// <param name="ended">When its last byte (or failure) came.</param>
    public void Record(int pathIndex, long due, long sent, long ended, LoadOutcome outcome)
    {
        // A timer may wake a little before the due time; the request's own start is then the earlier one.
        due = Math.Min(due, sent);
        TimeSpan? latency = outcome.HasLatency ? Stopwatch.GetElapsedTime(due, ended) : null;
        lock (_gate)
        {
            _requests[pathIndex]++;
            if (outcome.Failed)
            {
                _failures[pathIndex]++;
                _failureReasons[outcome.Failure] = _failureReasons.GetValueOrDefault(outcome.Failure) + 1;
            }

            if (outcome.Status is { } status)
            {
                _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            }

            if (outcome.HasLatency)
            {
                _latency[pathIndex].RecordElapsed(due, ended);
                _serviceTime?.RecordElapsed(sent, ended);
            }

            _sendDelay?.RecordElapsed(due, sent);
            _lastEnd = Math.Max(_lastEnd, ended);
        }

        _observer?.Invoke(new LoadSample(_paths[pathIndex], latency, outcome));
    }

    public LoadResult Build(LoadModel model, long started, int warmupRequests, bool stoppedAtTimeLimit)
    {
        lock (_gate)
        {
            var elapsed = _lastEnd > started ? Stopwatch.GetElapsedTime(started, _lastEnd) : TimeSpan.Zero;
            var all = new LatencyHistogram();
            var paths = new List<LoadPathResult>();
            for (var i = 0; i < _paths.Count; i++)
            {
                all.Add(_latency[i]);
                paths.Add(new LoadPathResult(_paths[i], new SloObservation(_latency[i], _requests[i], _failures[i], elapsed)));
            }

            var requests = _requests.Sum();
            var failures = _failures.Sum();
            return new LoadResult(new SloObservation(all, requests, failures, elapsed))
            {
                Model = model,
                Requests = requests,
                Failures = failures,
                ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 3),
                Latency = LatencySummary.Of(all),
                ServiceTime = _serviceTime is null ? null : LatencySummary.Of(_serviceTime),
                SendDelay = _sendDelay is null ? null : LatencySummary.Of(_sendDelay),
                Statuses = _statuses.ToDictionary(pair => pair.Key.ToString(CultureInfo.InvariantCulture), pair => pair.Value),
                FailureReasons = _failureReasons.ToDictionary(pair => FailureName(pair.Key), pair => pair.Value),
                Paths = paths,
                WarmupRequests = warmupRequests,
                StoppedAtTimeLimit = stoppedAtTimeLimit,
            };
        }
    }

    private static string FailureName(LoadFailure failure) => failure switch
    {
        LoadFailure.Status => "status",
        LoadFailure.Timeout => "timeout",
        LoadFailure.Connection => "connection",
        LoadFailure.BodyTooLarge => "body_too_large",
        LoadFailure.Redirect => "redirect",
        LoadFailure.Protocol => "protocol",
        _ => "none",
    };
}
