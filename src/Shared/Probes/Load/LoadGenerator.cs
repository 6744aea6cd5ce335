using System.Diagnostics;

namespace Tailpaste.Shared.Probes.Load;

/// <summary>
/// Runs a <see cref="LoadPlan"/> against the service and measures every request from its start to its last
/// byte with the monotonic clock. Closed model: <c>concurrency</c> workers, each sending as soon as its last
/// request ended. Open model: request i is due at start + i / rate whatever the server does, and is timed from
/// that due time, so a server that stalls cannot hide its tail by slowing the sender down (coordinated
/// omission); <c>concurrency</c> workers send them, so at most that many are in flight.
/// </summary>
public static class LoadGenerator
{
    private const int BufferBytes = 16 * 1024;

    /// <param name="observer">Called after each request (from the worker's thread), e.g. to feed a sliding window.</param>
    public static async Task<LoadResult> RunAsync(LoadPlan plan, Action<LoadSample>? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        plan.Validate();
        var origin = new ServiceOrigin(plan.ServiceUrl);
        var targets = plan.Paths.Select(origin.Resolve).ToArray();
        var open = plan.Model == LoadModel.Open;
        var recorder = new LoadRecorder(plan.Paths, open, observer);
        using var sender = new LoadRequestSender(origin, plan.Concurrency, plan.RequestTimeout, plan.MaxBodyBytes, plan.MaxRedirects);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(plan.EffectiveTimeLimit);

        var warmups = plan.Warmup ? await WarmUpAsync(plan, targets, sender, limit.Token).ConfigureAwait(false) : 0;
        var run = new Run(plan, targets, sender, recorder, limit.Token);
        var workers = Enumerable.Range(0, plan.Concurrency).Select(_ => Task.Run(() => open ? run.OpenWorkerAsync() : run.ClosedWorkerAsync(), CancellationToken.None));
        await Task.WhenAll(workers).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return recorder.Build(plan.Model, run.Started, warmups, stoppedAtTimeLimit: limit.IsCancellationRequested);
    }

    // One request per worker, all at once, so every pooled connection is open and every code path compiled.
    private static async Task<int> WarmUpAsync(LoadPlan plan, Uri[] targets, LoadRequestSender sender, CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, plan.Concurrency).Select(worker => Task.Run(
            async () =>
            {
                using var timeout = new RequestTimeout(plan.RequestTimeout, stop);
                await sender.SendAsync(targets[worker % targets.Length], new byte[BufferBytes], timeout.Start()).ConfigureAwait(false);
            },
            CancellationToken.None))).ConfigureAwait(false);
        return plan.Concurrency;
    }

    /// <summary>The state the workers share: the next request's number and the clock's zero.</summary>
    private sealed class Run(LoadPlan plan, Uri[] targets, LoadRequestSender sender, LoadRecorder recorder, CancellationToken stop)
    {
        private readonly long _limit = plan.PlannedRequests ?? long.MaxValue;
        private readonly long _durationEnd = Stopwatch.GetTimestamp() + (plan.Duration is { } d ? (long)(d.TotalSeconds * Stopwatch.Frequency) : long.MaxValue / 2);
        private readonly double _ticksPerRequest = plan.Rate is { } rate ? Stopwatch.Frequency / rate : 0;
        private long _next = -1;

        public long Started { get; } = Stopwatch.GetTimestamp();

        public async Task ClosedWorkerAsync()
        {
            var buffer = new byte[BufferBytes];
            using var timeout = new RequestTimeout(plan.RequestTimeout, stop);
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref _next);
                var started = Stopwatch.GetTimestamp();
                if (index >= _limit || started >= _durationEnd)
                {
                    return;
                }

                var pathIndex = (int)(index % targets.Length);
                var outcome = await sender.SendAsync(targets[pathIndex], buffer, timeout.Start()).ConfigureAwait(false);
                recorder.Record(pathIndex, started, started, Stopwatch.GetTimestamp(), outcome);
                timeout.Reset();
            }
        }

        public async Task OpenWorkerAsync()
        {
            var buffer = new byte[BufferBytes];
            using var timeout = new RequestTimeout(plan.RequestTimeout, stop);
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref _next);
                if (index >= _limit)
                {
                    return;
                }

                var due = Started + (long)(index * _ticksPerRequest);
                if (!await WaitUntilAsync(due).ConfigureAwait(false))
                {
                    return;
                }

                var sent = Stopwatch.GetTimestamp();
                var pathIndex = (int)(index % targets.Length);
                var outcome = await sender.SendAsync(targets[pathIndex], buffer, timeout.Start()).ConfigureAwait(false);
                recorder.Record(pathIndex, due, sent, Stopwatch.GetTimestamp(), outcome);
                timeout.Reset();
            }
        }

        // Sleeps until the due time; the timer's millisecond granularity lands a little late, and that lateness
        // counts in the latency (measured from the due time), so this errs towards reporting a slower service.
        private async Task<bool> WaitUntilAsync(long due)
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (remaining >= TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(remaining, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }

            return !stop.IsCancellationRequested;
        }
    }
}
