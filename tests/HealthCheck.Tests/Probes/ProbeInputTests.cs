using System.Net;
using System.Net.Sockets;

namespace Tailpaste.HealthCheck.Tests.Probes;

/// <summary>Bad probe inputs: exit 2 naming the input, its value and what was expected, before any request is sent.</summary>
public sealed class ProbeInputTests
{
    [Theory]
    [InlineData("slo", "p95<500", "\"p95<500\" is not one")]
    [InlineData("slo", "p(95)<500, p(95)<", "\"p(95)<\" is not one")]
    [InlineData("slo", "rate<<1", "\"rate<<1\" is not one")]
    [InlineData("health-slo", "avg<fast", "\"avg<fast\" is not one")]
    public async Task A_threshold_outside_k6s_grammar_is_exit_2_naming_the_input_the_value_and_the_grammar(string input, string value, string reason)
    {
        using var listener = Listen(out var url);
        var inputs = new Dictionary<string, string> { ["service-url"] = url, ["checks"] = "slo, service", [input] = value };

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Input '{input}' has the value '{value}'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(reason, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Expected [metric:]aggregation operator value", run.Stdout, StringComparison.Ordinal);
        Assert.False(listener.Pending(), "a request was sent despite the bad input");
    }

    [Theory]
    [InlineData("slo", "", "one or more thresholds")]
    [InlineData("slo-paths", "/, //elsewhere.example/x", "//elsewhere.example/x is not")]
    [InlineData("slo-paths", "", "1 to 16 paths")]
    [InlineData("health-path", "http://elsewhere.example/healthz", "does not start with /")]
    [InlineData("requests", "0", "")]
    [InlineData("concurrency", "1001", "")]
    [InlineData("rate", "fast", "")]
    [InlineData("duration", "2h", "")]
    public async Task A_bad_load_setting_is_exit_2_naming_the_input_before_anything_is_sent(string input, string value, string expected)
    {
        using var listener = Listen(out var url);
        var inputs = new Dictionary<string, string> { ["service-url"] = url, ["checks"] = "slo", [input] = value };

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"Input '{input}'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
        Assert.False(listener.Pending(), "a request was sent despite the bad input");
    }

    [Fact]
    public async Task A_service_url_with_a_password_is_refused_for_a_probe_without_showing_the_password()
    {
        using var listener = Listen(out var url);
        var inputs = new Dictionary<string, string> { ["service-url"] = url.Replace("http://", "http://user:hunter2-secret@", StringComparison.Ordinal), ["checks"] = "smoke" };

        var run = await ActionRun.RunAsync(inputs);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Input 'service-url'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("without a user name or password for the smoke check", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", run.Stdout.Replace("::add-mask::hunter2-secret", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }

    // A listener that accepts nothing: a connection attempt would show as pending.
    private static TcpListener Listen(out string url)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        return listener;
    }
}
