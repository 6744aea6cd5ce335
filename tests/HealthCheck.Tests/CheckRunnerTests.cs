using Tailpaste.HealthCheck.Checks;
using Tailpaste.Shared.Http;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>The runner's promise to every check, including one with a fault of its own: it fails alone, the next checks still run.</summary>
public sealed class CheckRunnerTests
{
    [Fact]
    public async Task A_check_that_throws_what_nobody_expected_fails_with_the_reason_and_the_next_check_still_runs()
    {
        var options = BoundOptions.From(new Dictionary<string, string> { ["service-url"] = "http://127.0.0.1:1/" });
        using var probe = new HttpProbe();
        using var context = new CheckContext(options, probe, TimeProvider.System);
        var seen = new List<string>();

        var results = await CheckRunner.RunAsync([new FaultyCheck(), new RecordingCheck(seen)], context, null, CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.Equal(CheckStatus.Failed, results[0].Status);
        Assert.Equal("the check could not run (KeyNotFoundException: The given key 'peer' was not present in the dictionary.)", results[0].Message);
        Assert.Equal(CheckStatus.Passed, results[1].Status);
        Assert.Equal(["second ran"], seen);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_still_ends_the_run()
    {
        var options = BoundOptions.From(new Dictionary<string, string> { ["service-url"] = "http://127.0.0.1:1/" });
        using var probe = new HttpProbe();
        using var context = new CheckContext(options, probe, TimeProvider.System);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CheckRunner.RunAsync([new CancellingCheck()], context, null, cancelled.Token));
    }

    /// <summary>Stands for a check with a bug: it looks up something that is not there.</summary>
    private sealed class FaultyCheck : IHealthCheck
    {
        public string Name => "first";

        public Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken) =>
            Task.FromResult(new Dictionary<string, int>()["peer"]);
    }

    private sealed class RecordingCheck(List<string> seen) : IHealthCheck
    {
        public string Name => "second";

        public Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
        {
            seen.Add("second ran");
            return Task.CompletedTask;
        }
    }

    private sealed class CancellingCheck : IHealthCheck
    {
        public string Name => "second";

        public Task RunAsync(CheckContext context, CheckRecorder recorder, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
    }
}
