using System.Diagnostics;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>What a user can get wrong, and what the network can do wrong: a clear message, the right exit code, no hang.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task Unreachable_url_fails_the_service_check_quickly_with_a_connection_failure()
    {
        var run = await RunServiceCheckAsync($"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("unhealthy", run.Outputs["status"]);
        Assert.Contains("connection failure", run.CheckMessage("service"), StringComparison.Ordinal);
        Assert.Equal("1", run.Outputs["error-rate"]);
    }

    [Fact]
    public async Task Unknown_host_fails_the_service_check_with_a_dns_failure()
    {
        var run = await RunServiceCheckAsync("http://tailpaste-health-check-test.invalid:8080");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("dns failure", run.CheckMessage("service"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Untrusted_certificate_fails_the_service_check_with_a_tls_failure()
    {
        await using var server = LocalServer.UntrustedTls();

        // The handshake fails as soon as it completes; the long timeout only keeps a busy machine from turning
        // that into a timeout (it did at 5 s, load ~30).
        var run = await RunServiceCheckAsync($"https://localhost:{server.Port}", timeout: "30");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("tls failure", run.CheckMessage("service"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_that_never_ends_is_cut_off_at_the_timeout()
    {
        // A slow drip (1 KiB per 200 ms) keeps the body far from the probe's read cap, and 3 s leaves the headers time
        // to arrive on a busy machine, so the status is known when the timeout cuts the body off.
        await using var server = LocalServer.Endless(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var run = await ActionRun.RunAsync(new Dictionary<string, string>
        {
            ["checks"] = "service",
            ["service-url"] = $"http://127.0.0.1:{server.Port}",
            ["attempts"] = "1",
            ["response-timeout"] = "3",
            ["max-response-time-ms"] = "10000",
        });

        clock.Stop();
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("timeout: status 200 but the body did not end within 3 s", run.CheckMessage("service"), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the run took {clock.Elapsed}; one attempt is bounded by the 3 s timeout");
    }

    [Fact]
    public async Task Malformed_config_json_is_bad_input_naming_the_file_and_the_line()
    {
        var config = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(config, "{\n  \"service_url\": \"http://127.0.0.1:1\",\n  \"max_db_size_mb\": ,\n}");

            var run = await ActionRun.RunAsync(new Dictionary<string, string> { ["config"] = config });

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"Input 'config' has the value '{config}': expected valid JSON, but line 3", run.Stdout, StringComparison.Ordinal);
            Assert.Null(run.Report);
            Assert.Empty(run.Outputs);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Unknown_check_name_is_bad_input_listing_the_known_names()
    {
        var run = await ActionRun.RunAsync(new Dictionary<string, string> { ["checks"] = "service, databse" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'checks' has the value 'service, databse': expected check names from smoke, fuzz, service, functionality, container, database, logs, disk, tailscale, slo; 'databse' is not one.", run.Stdout, StringComparison.Ordinal);
        Assert.Null(run.Report);
    }

    [Theory]
    [InlineData("service-url", "tailpaste:8080", "an absolute http:// or https:// URL")]
    [InlineData("attempts", "0", "a whole number from 1 to 100")]
    [InlineData("response-timeout", "soon", "seconds (such as 10 or 0.5) or a whole number with a unit ms, s, m, h, d or w (such as 500ms, 30s, 2m, 6h, 2d), more than zero, at most 1h")]
    [InlineData("fail-on", "sometimes", "one of degraded, unhealthy")]
    [InlineData("recover-cooldown", "an hour", "seconds (such as 10 or 0.5) or a whole number with a unit ms, s, m, h, d or w")]
    [InlineData("container-name", "../../containers/prune?", "a container name or id (letters, digits, _ . -, starting with a letter or digit)")]
    [InlineData("log-file", "/tmp", "a log file (or a link to one), but it is a folder")]
    [InlineData("log-file", "/dev/zero", "a log file (or a link to one), but it is not a regular file")]
    [InlineData("disk-warn-percent", "95", "a share no higher than disk-fail-percent (90)")]
    [InlineData("config", "/dev/zero", "a JSON file, but it is not a regular file")]
    [InlineData("github-api-url", "http://github.example.com/api/v3", "an https URL (plain http only to localhost, 127.0.0.1 or ::1) such as https://api.github.com")]
    public async Task Bad_values_name_the_input_the_value_and_the_expectation(string input, string value, string expected)
    {
        var run = await ActionRun.RunAsync(new Dictionary<string, string> { [input] = value });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Input '{input}' has the value '{value}': expected {expected}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_larger_than_any_config_is_bad_input_before_it_is_read()
    {
        var config = Path.GetTempFileName();
        try
        {
            await using (var file = File.OpenWrite(config))
            {
                file.SetLength(2 * 1024 * 1024);
            }

            var run = await ActionRun.RunAsync(new Dictionary<string, string> { ["config"] = config });

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"Input 'config' has the value '{config}': expected a JSON file, but it is 2097152 bytes, more than the 1048576 bytes accepted", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task An_upload_token_with_a_line_break_is_bad_input_and_is_never_echoed()
    {
        var run = await ActionRun.RunAsync(new Dictionary<string, string>
        {
            ["checks"] = "functionality",
            ["service-url"] = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}",
            ["upload-token"] = "s3cret-token\nX-Injected: yes",
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'upload-token' has the value '***': expected one token without line breaks", run.Stdout, StringComparison.Ordinal);
        var log = string.Join('\n', run.Stdout.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal))) + run.Stderr;
        Assert.DoesNotContain("s3cret-token", log, StringComparison.Ordinal); // the runner hides its own ::add-mask:: lines
    }

    [Fact]
    public async Task Recovery_without_a_token_is_bad_input_and_the_token_is_never_echoed()
    {
        var run = await ActionRun.RunAsync(new Dictionary<string, string>
        {
            ["recover"] = "true",
            ["history-path"] = Path.Combine(Path.GetTempPath(), "unused-history.db"),
            ["repository"] = "octo/tailpaste",
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Input 'github-token' is required but was not given", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "unused-history.db")));
    }

    [Fact]
    public async Task A_history_file_that_is_not_sqlite_is_bad_input_before_any_check_runs()
    {
        var history = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(history, "these are somebody's notes, not a health history\n");

            var run = await ActionRun.RunAsync(new Dictionary<string, string>
            {
                ["checks"] = "service",
                ["service-url"] = $"http://127.0.0.1:{DockerEngineFixture.FreeLoopbackPort()}",
                ["history-path"] = history,
            });

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"Input 'history-path' has the value '{history}': expected a SQLite history file (SQLite Error 26: 'file is not a database'", run.Stdout, StringComparison.Ordinal);
            Assert.Null(run.Report);
            Assert.Equal("these are somebody's notes, not a health history\n", await File.ReadAllTextAsync(history));
        }
        finally
        {
            File.Delete(history);
        }
    }

    private static Task<ActionRun> RunServiceCheckAsync(string url, string timeout = "5") =>
        ActionRun.RunAsync(new Dictionary<string, string>
        {
            ["checks"] = "service",
            ["service-url"] = url,
            ["attempts"] = "1",
            ["response-timeout"] = timeout,
        });
}
