using Microsoft.Data.Sqlite;
using Tailpaste.Deploy.History;
using Tailpaste.HealthCheck.History;
using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.History;

namespace Tailpaste.Deploy.Tests;

/// <summary>The deploy side of the shared history on real SQLite files, next to rows health-check itself wrote.</summary>
public sealed class DeployHistoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-deploy-history-").FullName;

    private string FilePath => Path.Combine(_folder, "history.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Five_failed_deploys_in_a_row_open_the_breaker_and_a_success_in_between_starts_the_count_again()
    {
        using var history = DeployHistory.Open(FilePath);
        var time = DateTimeOffset.UtcNow;
        foreach (var outcome in new[] { "failed", "failed", "succeeded", "failed", "rolled-back", "failed", "failed" })
        {
            Assert.False((await history.RecordAsync(Row(time, outcome, "manual"), "alice", CancellationToken.None)).IsOpen);
            time += TimeSpan.FromMinutes(1);
        }

        var open = await history.RecordAsync(Row(time, "failed", "manual"), "alice", CancellationToken.None);

        Assert.True(open.IsOpen);
        Assert.Equal("5 failed deploys in a row", open.Reason);
    }

    [Fact]
    public async Task Three_failed_automatic_deploys_open_it_and_a_reset_starts_the_count_again()
    {
        using var history = DeployHistory.Open(FilePath);
        var time = DateTimeOffset.UtcNow;
        await history.RecordAsync(Row(time, "failed", "automatic"), "bot", CancellationToken.None);
        await history.RecordAsync(Row(time.AddMinutes(1), "rolled-back", "automatic"), "bot", CancellationToken.None);
        var open = await history.RecordAsync(Row(time.AddMinutes(2), "failed", "automatic"), "bot", CancellationToken.None);
        Assert.True(open.IsOpen);
        Assert.Equal("3 failed automatic redeploys in a row", open.Reason);

        await history.ResetBreakerAsync(time.AddMinutes(3), "alice", CancellationToken.None);
        Assert.False((await history.BreakerAsync(CancellationToken.None)).IsOpen);
        var again = await history.RecordAsync(Row(time.AddMinutes(4), "failed", "automatic"), "bot", CancellationToken.None);

        Assert.False(again.IsOpen);
    }

    [Fact]
    public async Task The_metrics_read_deploys_and_health_checks_from_one_store()
    {
        var now = DateTimeOffset.UtcNow;
        using (var health = HealthHistory.Open(FilePath))
        {
            // healthy, down for 20 minutes, healthy again: one outage of 20 min; 4 of 6 checks healthy.
            var statuses = new[] { OverallStatus.Healthy, OverallStatus.Unhealthy, OverallStatus.Unhealthy, OverallStatus.Healthy, OverallStatus.Healthy, OverallStatus.Healthy };
            for (var i = 0; i < statuses.Length; i++)
            {
                await health.RecordAsync(now.AddMinutes(-60 + (i * 10)), statuses[i], [], _ => Task.FromResult(false), CancellationToken.None);
            }
        }

        using var history = DeployHistory.Open(FilePath);
        await history.RecordAsync(Row(now.AddDays(-40), "failed", "manual") with { DeploySeconds = 999 }, "alice", CancellationToken.None);
        await history.RecordAsync(Row(now.AddMinutes(-50), "succeeded", "manual") with { DeploySeconds = 20 }, "alice", CancellationToken.None);
        await history.RecordAsync(Row(now.AddMinutes(-40), "rolled-back", "manual") with { DeploySeconds = 50, CutoverErrorRate = 0.2, CutoverP95Ms = 40 }, "alice", CancellationToken.None);
        await history.RecordAsync(Row(now.AddMinutes(-30), "succeeded", "manual") with { DeploySeconds = 30 }, "alice", CancellationToken.None);
        await history.RecordAsync(Row(now.AddMinutes(-20), "refused", "automatic"), "bot", CancellationToken.None);

        var metrics = await history.MetricsAsync(now, CancellationToken.None);

        Assert.Equal(3, metrics.Deploys);
        Assert.Equal(0.6667, metrics.SuccessRate);
        Assert.Equal(1, metrics.Rollbacks);
        Assert.Equal(25, metrics.MedianDeploySeconds);
        Assert.Equal(6, metrics.HealthChecks);
        Assert.Equal(0.6667, metrics.Availability);
        Assert.Equal(1, metrics.Recoveries);
        Assert.Equal(20, metrics.MttrMinutes);
        Assert.Equal([null, 40, null], metrics.Recent.Select(r => r.CutoverP95Ms));
    }

    [Fact]
    public async Task Health_check_accepts_the_store_with_the_deploy_tables_and_reads_the_open_breaker()
    {
        using (var history = DeployHistory.Open(FilePath))
        {
            var time = DateTimeOffset.UtcNow;
            for (var i = 0; i < 3; i++)
            {
                await history.RecordAsync(Row(time.AddMinutes(i), "failed", "automatic"), "bot", CancellationToken.None);
            }
        }

        Assert.Null(HistoryFile.Problem<SqliteConnection>(Path.GetFullPath(FilePath)));
        using var health = HealthHistory.Open(FilePath);
        var state = await health.RecordAsync(DateTimeOffset.UtcNow, OverallStatus.Unhealthy, ["service"], _ => Task.FromResult(false), CancellationToken.None);

        Assert.True(state.CircuitBreaker.IsOpen);
    }

    private static DeployHistoryRow Row(DateTimeOffset time, string outcome, string trigger) => new()
    {
        StartedAt = time,
        FinishedAt = time.AddSeconds(20),
        Service = "tailpaste",
        Strategy = "blue-green",
        Trigger = trigger,
        Image = "tailpaste/paste-service:2.0.0",
        Outcome = outcome,
        DeploySeconds = 20,
    };
}
