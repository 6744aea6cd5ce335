using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// Every file the action will write — the report and the history — is checked before the first request: a
/// path that is a folder, a link, a device, or in a folder that takes no file is exit 2 naming the input, the
/// service hears nothing (WireMock.Net plays it) and nothing on disk changes.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-health-paths-").FullName;
    private readonly WireMockServer _service = WireMockServer.Start();

    public OutputPathTests() => _service.Given(Request.Create()).RespondWith(Response.Create().WithStatusCode(200));

    public void Dispose()
    {
        _service.Stop();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_report_path_that_is_a_symbolic_link_is_bad_input_and_the_link_and_its_target_stay()
    {
        var target = Path.Combine(_folder, "elsewhere.json");
        await File.WriteAllTextAsync(target, "keep me");
        var link = Path.Combine(_folder, "report.json");
        File.CreateSymbolicLink(link, target);

        var run = await RunAsync("report-path", link);

        AssertRefused(run, "report-path", link, "it is a symbolic link");
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    // A named pipe in this test's folder stands for any device: code that wrote "atomically" over such a path would
    // rename a file over it, and over /dev/null that breaks the machine for everyone.
    [Theory]
    [InlineData("folder", "it is a folder")]
    [InlineData("/proc/self/health-report.json", "no file can be created in /proc/self")]
    [InlineData("fifo", "it is not a regular file")]
    public async Task A_report_path_where_no_report_can_be_written_is_bad_input_before_any_check(string path, string reason)
    {
        path = Resolve(path);

        var run = await RunAsync("report-path", path);

        AssertRefused(run, "report-path", path, reason);
    }

    [Fact]
    public async Task A_history_path_that_is_a_symbolic_link_to_a_history_file_is_bad_input_and_the_file_is_not_touched()
    {
        var real = Path.Combine(_folder, "real-history.db");
        using (var connection = new SqliteConnection($"Data Source={real};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, timestamp TEXT NOT NULL, status TEXT NOT NULL, failed_checks TEXT NOT NULL, recovery_dispatched INTEGER NOT NULL DEFAULT 0);";
            command.ExecuteNonQuery();
        }

        var before = SHA256.HashData(await File.ReadAllBytesAsync(real));
        var link = Path.Combine(_folder, "history.db");
        File.CreateSymbolicLink(link, real);

        var run = await RunAsync("history-path", link);

        AssertRefused(run, "history-path", link, "it is a symbolic link");
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(real)));
    }

    [Theory]
    [InlineData("fifo", "it is not a regular file")]
    [InlineData("folder", "it is a folder")]
    [InlineData("/proc/self/history.db", "no file can be created in /proc/self")]
    public async Task A_history_path_where_no_history_can_be_kept_is_bad_input_before_any_check(string path, string reason)
    {
        path = Resolve(path);

        var run = await RunAsync("history-path", path);

        AssertRefused(run, "history-path", path, reason);
    }

    private string Resolve(string path)
    {
        switch (path)
        {
            case "folder":
                return _folder;
            case "fifo":
                var fifo = Path.Combine(_folder, "pipe");
                Fifo.Create(fifo);
                return fifo;
            default:
                return path;
        }
    }

    private void AssertRefused(ActionRun run, string input, string value, string reason)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Input '{input}' has the value '{value}': expected ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(reason, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(_service.LogEntries);
    }

    private async Task<ActionRun> RunAsync(string input, string value)
    {
        using var runner = new SimulatedRunner("tailpaste-health-paths-run-");
        var inputs = new Dictionary<string, string>
        {
            ["checks"] = "service, functionality",
            ["service-url"] = _service.Urls[0],
            ["attempts"] = "1",
            ["report-path"] = Path.Combine(runner.Folder, "report.json"),
            [input] = value,
        };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = await runner.RunAsync(HealthCheckAction.Definition, inputs, cancellationToken: deadline.Token);
        return new ActionRun(run.ExitCode, run.Stdout, run.Stderr, run.Outputs, run.Summary, null);
    }
}
