namespace Tailpaste.HealthCheck.Tests;

/// <summary>The logs check on a log file in the sample service's format.</summary>
public sealed class LogsCheckTests : IDisposable
{
    private readonly string _log = Path.Combine(Directory.CreateTempSubdirectory("tailpaste-health-log-").FullName, "service.log");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_log)!, recursive: true);

    [Fact]
    public async Task Errors_above_the_threshold_fail_the_logs_check_and_degrade_the_service()
    {
        WriteLog(errors: 11);

        var run = await ActionRun.RunAsync(new Dictionary<string, string> { ["checks"] = "logs", ["log-file"] = _log });

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("degraded", run.Outputs["status"]);
        Assert.Equal("logs", run.Outputs["failed-checks"]);
        Assert.Contains("11 error lines in the log, more than the threshold of 10", run.CheckMessage("logs"), StringComparison.Ordinal);
        var metrics = run.Report!["metrics"]!["logs"]!;
        Assert.Equal(11, metrics["errors_by_category"]!["database"]!.GetValue<long>());
        Assert.Equal(20, metrics["requests"]!.GetValue<long>());
        Assert.Contains("| Errors | 11 |", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_at_the_threshold_only_warn()
    {
        WriteLog(errors: 10);

        var run = await ActionRun.RunAsync(new Dictionary<string, string> { ["checks"] = "logs", ["log-file"] = _log });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("passed", run.CheckStatus("logs"));
        Assert.Contains("::warning::logs: 10 error lines", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_log_file_fails_the_check_with_its_path()
    {
        var run = await ActionRun.RunAsync(new Dictionary<string, string> { ["checks"] = "logs", ["log-file"] = _log + ".missing" });

        Assert.Equal("failed", run.CheckStatus("logs"));
        Assert.Contains(".missing does not exist", run.CheckMessage("logs"), StringComparison.Ordinal);
    }

    private void WriteLog(int errors)
    {
        using var writer = new StreamWriter(_log);
        for (var i = 0; i < 20; i++)
        {
            writer.WriteLine($"10.0.0.{i % 4} - - [23/Nov/2025:09:01:{i:00} +0000] \"GET /abc{i % 3} HTTP/1.1\" 200 33 \"-\" \"curl/8.5.0\" 4.217");
        }

        for (var i = 0; i < errors; i++)
        {
            writer.WriteLine($"2025-11-23T09:02:{i:00}.000Z ERROR PasteStore: insert failed | SqliteException: SQLite Error 5: 'database is locked'.");
        }

        writer.WriteLine("2025-11-23T09:03:00.000Z WARN PasteEndpoints: upload refused from 10.0.0.9: bad token");
    }
}
