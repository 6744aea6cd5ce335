using System.Globalization;
using System.Text;

namespace Tailpaste.PasteService;

/// <summary>
/// The access-log format: NCSA Combined Log Format plus the duration in milliseconds, as nginx
/// writes it with <c>$request_time</c>:
/// <code>127.0.0.1 - token:1a2b3c4d [23/Nov/2025:09:01:02 +0000] "POST / HTTP/1.1" 200 33 "-" "curl/8.5.0" 4.217</code>
/// Inside quotes, <c>"</c>, <c>\</c>, spaces in the target and any byte outside printable ASCII
/// are written as <c>\xHH</c>, so no field ever contains a bare double quote.
/// </summary>
public static class AccessLogLine
{
    public const string Missing = "-";

    public static string Format(AccessLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = new StringBuilder(160)
            .Append(entry.ClientIp).Append(' ')
            .Append(Missing).Append(' ')
            .Append(string.IsNullOrEmpty(entry.User) ? Missing : Escape(entry.User, escapeSpace: true)).Append(' ')
            .Append('[').Append(entry.ReceivedAt.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)).Append(" +0000] ")
            .Append('"').Append(Escape(entry.Method, escapeSpace: true)).Append(' ')
            .Append(Escape(entry.Target, escapeSpace: true)).Append(' ')
            .Append(Escape(entry.Protocol, escapeSpace: true)).Append("\" ")
            .Append(entry.Status.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(entry.BytesSent.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append('"').Append(string.IsNullOrEmpty(entry.Referer) ? Missing : Escape(entry.Referer, escapeSpace: false)).Append("\" ")
            .Append('"').Append(string.IsNullOrEmpty(entry.UserAgent) ? Missing : Escape(entry.UserAgent, escapeSpace: false)).Append("\" ")
            .Append(entry.Duration.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture));
        return line.ToString();
    }

    private static string Escape(string value, bool escapeSpace)
    {
        var plain = true;
        foreach (var c in value)
        {
            if (NeedsEscape(c, escapeSpace))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b >= 0x80 || NeedsEscape(c, escapeSpace))
            {
                escaped.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c, bool escapeSpace) =>
        c is '"' or '\\' || c < 0x20 || c >= 0x7F || (escapeSpace && c == ' ');
}
