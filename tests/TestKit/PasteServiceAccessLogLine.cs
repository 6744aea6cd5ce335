using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tailpaste.TestKit;

/// <summary>
/// One access line of the sample service (Combined Log Format plus the duration in ms):
/// <c>127.0.0.1 - anonymous [23/Nov/2025:09:01:02 +0000] "POST / HTTP/1.1" 200 33 "-" "curl/8.5.0" 4.217</c>
/// </summary>
public sealed partial record PasteServiceAccessLogLine(
    string ClientIp,
    string User,
    DateTimeOffset Time,
    string Method,
    string Target,
    string Protocol,
    int Status,
    long Bytes,
    string Referer,
    string UserAgent,
    double DurationMs)
{
    public static bool TryParse(string line, [NotNullWhen(true)] out PasteServiceAccessLogLine? entry)
    {
        entry = null;
        var match = Pattern().Match(line ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        entry = new PasteServiceAccessLogLine(
            match.Groups["ip"].Value,
            match.Groups["user"].Value,
            DateTimeOffset.ParseExact(match.Groups["time"].Value, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture),
            match.Groups["method"].Value,
            match.Groups["target"].Value,
            match.Groups["protocol"].Value,
            int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["bytes"].Value, CultureInfo.InvariantCulture),
            match.Groups["referer"].Value,
            match.Groups["agent"].Value,
            double.Parse(match.Groups["duration"].Value, CultureInfo.InvariantCulture));
        return true;
    }

    [GeneratedRegex("""^(?<ip>\S+) (?<ident>\S+) (?<user>\S+) \[(?<time>[^\]]+)\] "(?<method>\S+) (?<target>\S+) (?<protocol>[^"\s]+)" (?<status>\d{3}) (?<bytes>\d+) "(?<referer>[^"]*)" "(?<agent>[^"]*)" (?<duration>\d+\.\d{3})$""")]
    private static partial Regex Pattern();
}
