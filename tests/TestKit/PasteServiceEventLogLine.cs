using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tailpaste.TestKit;

/// <summary>
/// One event line of the sample service: <c>2025-11-23T09:01:02.345Z ERROR FaultInjectionMiddleware: message</c>.
/// Levels: TRACE, DEBUG, INFO, WARN, ERROR, FATAL.
/// </summary>
public sealed partial record PasteServiceEventLogLine(DateTimeOffset Time, string Level, string Source, string Message)
{
    public static bool TryParse(string line, [NotNullWhen(true)] out PasteServiceEventLogLine? entry)
    {
        entry = null;
        var match = Pattern().Match(line ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        entry = new PasteServiceEventLogLine(
            DateTimeOffset.Parse(match.Groups["time"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            match.Groups["level"].Value,
            match.Groups["source"].Value,
            match.Groups["message"].Value);
        return true;
    }

    [GeneratedRegex("""^(?<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (?<level>TRACE|DEBUG|INFO|WARN|ERROR|FATAL) (?<source>[^\s:]+): (?<message>.*)$""")]
    private static partial Regex Pattern();
}
