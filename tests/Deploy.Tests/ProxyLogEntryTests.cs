using Tailpaste.Deploy.Proxy;

namespace Tailpaste.Deploy.Tests;

public sealed class ProxyLogEntryTests
{
    [Fact]
    public void An_access_line_gives_its_times_status_upstream_and_agent()
    {
        var entry = ProxyLogEntry.TryParse("""{"msec":"1796264139.110","request_time":"0.250","status":"502","upstream":"127.0.0.1:8081, 127.0.0.1:8082","port":"8080","agent":"curl/8.5.0"}""");

        Assert.NotNull(entry);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_796_264_139_110), entry.End);
        Assert.Equal(TimeSpan.FromMilliseconds(250), entry.Duration);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_796_264_138_860), entry.Start);
        Assert.True(entry.Failed);
        Assert.True(entry.ServedBy(8082));
        Assert.False(entry.ServedBy(808));
        Assert.Equal(8080, entry.Port);
        Assert.False(entry.IsProbe);
    }

    [Theory]
    [InlineData("2026/12/03 02:15:39 [error] 7#7: *1 connect() failed")]
    [InlineData("{\"msec\":\"x\",\"request_time\":\"0.1\",\"status\":\"200\"}")]
    [InlineData("{not json")]
    [InlineData("")]
    public void Anything_else_is_no_entry(string line) => Assert.Null(ProxyLogEntry.TryParse(line));

    [Fact]
    public void The_actions_own_probes_are_told_apart() =>
        Assert.True(ProxyLogEntry.TryParse("""{"msec":"1.000","request_time":"0.001","status":"200","upstream":"-","port":"1","agent":"tailpaste-probe-slo"}""")!.IsProbe);
}
