using System.Globalization;
using System.Text;

namespace Tailpaste.PasteService;

/// <summary>
/// Formats an event (anything that is not an access line):
/// <c>2025-11-23T09:01:02.345Z ERROR FaultInjection: message</c>. Line breaks in the message
/// become the two characters <c>\n</c>, so one event is always one line.
/// </summary>
public static class EventLogLine
{
    public static string Format(DateTimeOffset time, LogLevel level, string source, string message, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(message);
        var line = new StringBuilder()
            .Append(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(' ').Append(LevelName(level))
            .Append(' ').Append(source).Append(": ")
            .Append(OneLine(message));
        if (exception is not null)
        {
            line.Append(" | ").Append(exception.GetType().Name).Append(": ").Append(OneLine(exception.Message));
        }

        return line.ToString();
    }

    public static string LevelName(LogLevel level) =>
        level switch
        {
            LogLevel.Trace => "TRACE",
            LogLevel.Debug => "DEBUG",
            LogLevel.Information => "INFO",
            LogLevel.Warning => "WARN",
            LogLevel.Error => "ERROR",
            LogLevel.Critical => "FATAL",
            _ => "INFO",
        };

    /// <summary>The last part of a dotted logger category: <c>Tailpaste.PasteService.PasteStore</c> → <c>PasteStore</c>.</summary>
    public static string ShortSource(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var lastDot = category.LastIndexOf('.');
        var source = lastDot < 0 ? category : category[(lastDot + 1)..];
        return source.Length == 0 ? "service" : source;
    }

    private static string OneLine(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
