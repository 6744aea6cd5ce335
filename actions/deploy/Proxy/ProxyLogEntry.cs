using System.Globalization;
using System.Text.Json;

namespace Tailpaste.Deploy.Proxy;

/// <summary>
/// One request in the proxy's access log (its own JSON format, see <see cref="NginxConfig.AccessLogFormat"/>):
/// when it ended, how long it took, its status, which upstream served it, on which port it came in, and its
/// user agent. The line is hostile text (a client chooses its user agent): it is parsed as JSON only, bounded.
/// </summary>
public sealed record ProxyLogEntry(DateTimeOffset End, TimeSpan Duration, int Status, string Upstream, int Port, string Agent)
{
    private const int MaxLineLength = 8192;

    public DateTimeOffset Start => End - Duration;

    /// <summary>The action's own probes (their user agents start with tailpaste-probe).</summary>
    public bool IsProbe => Agent.StartsWith("tailpaste-probe", StringComparison.Ordinal);

    /// <summary>A 5xx answer (nginx's 502 and 504 for an upstream that failed included).</summary>
    public bool Failed => Status >= 500;

    /// <summary>Whether the request was served by the upstream on this loopback port.</summary>
    public bool ServedBy(int port) => Upstream.Split(',', StringSplitOptions.TrimEntries).Contains($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", StringComparer.Ordinal);

    public static ProxyLogEntry? TryParse(string line)
    {
        if (string.IsNullOrEmpty(line) || line.Length > MaxLineLength || line[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
            if (!double.TryParse(Text("msec"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var msec)
                || !double.TryParse(Text("request_time"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
                || !int.TryParse(Text("status"), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                return null;
            }

            _ = int.TryParse(Text("port"), NumberStyles.None, CultureInfo.InvariantCulture, out var port);
            return new ProxyLogEntry(
                DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(msec * 1000)),
                TimeSpan.FromSeconds(Math.Min(seconds, 86_400)),
                status,
                Text("upstream"),
                port,
                Text("agent"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
