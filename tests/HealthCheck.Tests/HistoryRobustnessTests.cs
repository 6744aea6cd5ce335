using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// A history the action cannot fully read — a row it does not expect, a time written another way, a damaged
/// file — is a warning annotation; the checks are still reported, and the file is never replaced.
/// </summary>
public sealed class HistoryRobustnessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-health-history-robust-").FullName;

    private string HistoryPath => Path.Combine(_folder, "history.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_row_with_an_unknown_status_is_a_warning_and_the_run_is_recorded()
    {
        await RunAsync(); // a real first row
        Execute("UPDATE runs SET status = 'bogus';");

        var run = await RunAsync();

        Assert.True(run.ExitCode == 1, run.ToString()); // the service is down: unhealthy, as without history
        Assert.Contains("::warning::History: row 1 has the status 'bogus', none of healthy, degraded, unhealthy", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, run.Report!["history"]!["runs"]!.GetValue<long>());
        Assert.Null(run.Report["history"]!["previous_status"]);
        Assert.Equal("1", run.Outputs["consecutive-failures"]); // the unknown row ends the streak
        Assert.Equal(["bogus", "unhealthy"], Statuses());
    }

    [Fact]
    public async Task A_dispatch_time_written_as_sqlite_writes_it_is_read_and_the_cooldown_holds()
    {
        using var fake = new FakeGitHubAndSlack();
        var inputs = fake.RecoveryInputs(HistoryPath);
        await RunAsync(inputs);
        Execute("UPDATE runs SET recovery_dispatched = 1, timestamp = strftime('%Y-%m-%d %H:%M:%S', 'now', '-10 minutes');");

        var run = await RunAsync(inputs);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("2", run.Outputs["consecutive-failures"]);
        Assert.Equal("false", run.Outputs["recovery-dispatched"]);
        Assert.Contains("inside the cooldown", run.Report!["recovery"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(fake.Dispatches);
        Assert.DoesNotContain("::warning::History", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dispatch_time_nobody_can_read_is_a_warning_and_the_run_goes_on()
    {
        await RunAsync();
        Execute("UPDATE runs SET recovery_dispatched = 1, timestamp = 'yesterday, around noon';");

        var run = await RunAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("::warning::History: row 1 has the dispatch time 'yesterday, around noon', which is not a time", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, run.Report!["history"]!["runs"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_damaged_history_file_is_a_warning_the_checks_are_reported_and_the_file_is_left_as_it_is()
    {
        await RunAsync();
        Execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO runs (timestamp, status, failed_checks) SELECT '2025-11-23T09:00:00.000Z', 'healthy', '' FROM n;");
        using (var file = new FileStream(HistoryPath, FileMode.Open, FileAccess.Write))
        {
            // Page 1 (the schema) stays, so the file is still a history file; the table's pages after it are garbage.
            file.Seek(4096, SeekOrigin.Begin);
            var garbage = new byte[4096 * 8];
            new Random(5).NextBytes(garbage);
            file.Write(garbage);
        }

        var before = SHA256.HashData(await File.ReadAllBytesAsync(HistoryPath));

        var run = await RunAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"::warning::History: {HistoryPath} cannot be read", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("::error::History", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("unhealthy", run.Outputs["status"]);
        Assert.Equal("failed", run.CheckStatus("service"));
        Assert.Null(run.Report!["history"]);
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(HistoryPath)));
    }

    [Fact]
    public async Task A_runs_table_of_another_shape_is_bad_input_before_any_check_runs()
    {
        Execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, outcome TEXT);");

        var run = await RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input 'history-path' has the value '{HistoryPath}': expected a history file of this action, but its runs table has other columns (id, outcome; expected id, timestamp, status, failed_checks, recovery_dispatched)", run.Stdout, StringComparison.Ordinal);
        Assert.Null(run.Report);
    }

    private Task<ActionRun> RunAsync(Dictionary<string, string>? extra = null)
    {
        var inputs = new Dictionary<string, string>
        {
            ["checks"] = "service",
            ["service-url"] = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}",
            ["attempts"] = "1",
            ["history-path"] = HistoryPath,
        };
        foreach (var (key, value) in extra ?? [])
        {
            inputs[key] = value;
        }

        return ActionRun.RunAsync(inputs);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={HistoryPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string> Statuses()
    {
        using var connection = new SqliteConnection($"Data Source={HistoryPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM runs ORDER BY id";
        using var reader = command.ExecuteReader();
        var statuses = new List<string>();
        while (reader.Read())
        {
            statuses.Add(reader.GetString(0));
        }

        return statuses;
    }
}
