using System.Text;
using Tailpaste.HealthCheck.Checks;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>How the output of <c>tailscale status --json</c> (trimmed to the fields the check reads) is judged.</summary>
public sealed class TailscaleStatusTests
{
    private const string Running = """
        {
          "Version": "1.76.6",
          "BackendState": "Running",
          "Self": { "HostName": "tailpaste", "DNSName": "tailpaste.tail1234.ts.net.", "TailscaleIPs": ["100.101.102.103", "fd7a:115c:a1e0::1"], "Online": true },
          "Peer": {
            "nodekey:1": { "HostName": "laptop", "Online": true },
            "nodekey:2": { "HostName": "phone", "Online": false },
            "nodekey:3": { "HostName": "ci-runner", "Online": true }
          }
        }
        """;

    [Fact]
    public void A_running_online_node_passes_with_hostname_addresses_and_peers()
    {
        var recorder = Evaluate(Running);

        var result = recorder.ToResult("tailscale", TimeSpan.Zero);
        Assert.Equal(CheckStatus.Passed, result.Status);
        Assert.Equal("tailpaste", result.Metrics["hostname"]);
        Assert.Equal(3, result.Metrics["peers"]);
        Assert.Equal(2, result.Metrics["peers_online"]);
        Assert.Equal(["100.101.102.103", "fd7a:115c:a1e0::1"], (IEnumerable<string>)result.Metrics["tailscale_ips"]!);
        Assert.Equal("tailpaste online, 2 of 3 peers online", result.Message);
    }

    [Theory]
    [InlineData("""{"BackendState":"NeedsLogin","Self":{"Online":false}}""", "tailscale is NeedsLogin, not Running")]
    [InlineData("""{"BackendState":"Running","Self":{"HostName":"tailpaste","Online":false}}""", "tailscale runs but this node is offline")]
    [InlineData("""not json""", "tailscale status --json printed no JSON")]
    public void A_node_that_is_not_running_online_fails_with_the_reason(string json, string expected)
    {
        var result = Evaluate(json).ToResult("tailscale", TimeSpan.Zero);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains(expected, string.Join("; ", result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[]""", "an array, not an object")]
    [InlineData("""{"BackendState":5,"Self":{"Online":true}}""", "'BackendState' is a number, not a string")]
    [InlineData("""{"BackendState":"Running","Self":"me"}""", "'Self' is a string, not an object")]
    [InlineData("""{"BackendState":"Running","Self":{"Online":true,"HostName":7}}""", "'Self.HostName' is a number, not a string")]
    [InlineData("""{"BackendState":"Running","Self":{"Online":true,"TailscaleIPs":[1]}}""", "'Self.TailscaleIPs' holds a number, not a string")]
    [InlineData("""{"BackendState":"Running","Self":{"Online":true},"Peer":{"nodekey:1":true}}""", "'Peer.nodekey:1' is a boolean, not an object")]
    [InlineData("""{"BackendState":"Running","Self":{"Online":true},"Peer":[]}""", "'Peer' is an array, not an object")]
    public void Json_of_another_shape_fails_the_check_saying_what_was_unexpected(string json, string expected)
    {
        var result = Evaluate(json).ToResult("tailscale", TimeSpan.Zero);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal($"tailscale status --json printed JSON of another shape: {expected}", result.Message);
    }

    private static CheckRecorder Evaluate(string json)
    {
        var recorder = new CheckRecorder();
        TailscaleCheck.Evaluate(Encoding.UTF8.GetBytes(json), recorder);
        return recorder;
    }
}
