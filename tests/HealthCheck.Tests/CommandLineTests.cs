using System.Text.Json.Nodes;
using Tailpaste.Shared.Actions;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>The seed's command-line flags, outside a workflow: --json, --silent, --export, --config.</summary>
public sealed class CommandLineTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tailpaste-health-cli-").FullName;
    private LocalServer _server = null!;

    private string Url => $"http://127.0.0.1:{_server.Port}";

    public Task InitializeAsync()
    {
        _server = LocalServer.Large(3); // answers 200 to every path: a healthy service for the service check
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Json_prints_the_report_alone_on_stdout()
    {
        var (exit, stdout, _) = await RunAsync("--checks", "service", "--service-url", Url, "--json");

        Assert.Equal(0, exit);
        var report = JsonNode.Parse(stdout)!; // throws when anything but the one document was printed
        Assert.Equal("healthy", report["overall_status"]!.GetValue<string>());
        Assert.Equal("passed", report["checks"]!["service"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain("status=", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silent_prints_only_the_summary_and_export_writes_the_report_with_the_seed_keys_first()
    {
        var export = Path.Combine(_folder, "report.json");

        var (silentExit, silent, _) = await RunAsync("--checks", "service", "--service-url", Url, "--silent", "--export", export);
        var (_, chatty, _) = await RunAsync("--checks", "service", "--service-url", Url);

        Assert.Equal(0, silentExit);
        Assert.Contains("Tailpaste health: healthy", silent, StringComparison.Ordinal);
        Assert.DoesNotContain("service: passed", silent, StringComparison.Ordinal);
        Assert.Contains("service: passed", chatty, StringComparison.Ordinal);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(export))!.AsObject();
        Assert.Equal(["timestamp", "checks", "errors", "warnings", "metrics", "overall_status"], report.Select(p => p.Key).Take(6));
        Assert.Contains($"report-path={export}", silent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_file_values_are_used_and_flags_override_them()
    {
        var config = Path.Combine(_folder, "health_check_config.json");
        await File.WriteAllTextAsync(config, $$"""{ "service_url": "{{Url}}", "max_response_time_ms": 0.001 }""");

        var (fromFile, _, _) = await RunAsync("--checks", "service", "--config", config, "--json");
        var (overridden, stdout, _) = await RunAsync("--checks", "service", "--config", config, "--max-response-time-ms", "5000", "--json");

        Assert.Equal(1, fromFile); // 0.001 ms cannot be met
        Assert.Equal(0, overridden);
        Assert.Equal(5000, JsonNode.Parse(stdout)!["checks"]!["service"]!["threshold"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_is_bad_input_before_any_check_runs()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the report's folder should be");
        var export = Path.Combine(blocker, "report.json");

        var (exit, stdout, stderr) = await RunAsync("--checks", "service", "--service-url", Url, "--export", export);

        Assert.Equal(2, exit);
        Assert.Contains($"Input 'report-path' has the value '{export}': expected a path where a file can be written, but {blocker} is not a folder", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("service: passed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_flag_is_a_usage_error()
    {
        var (exit, stdout, stderr) = await RunAsync("--cheks", "service");

        Assert.Equal(2, exit);
        Assert.Contains("cheks", stdout + stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exit = await ActionHost.RunAsync(HealthCheckAction.Definition, args, new Dictionary<string, string>(), stdout, stderr, deadline.Token);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
