using System.Text;

namespace Tailpaste.Shared.Probes.Smoke;

/// <summary>
/// Reads the paste id out of an upload's answer (<c>http://host/&lt;id&gt;\n</c>). Only the id is used: the probe
/// reads the paste back from the configured service, never from whatever host the answer names.
/// </summary>
public static class PasteLink
{
    public const int IdLength = 10;

    public static bool TryGetId(ReadOnlySpan<byte> answer, out string id)
    {
        id = string.Empty;
        var line = Encoding.UTF8.GetString(answer).TrimEnd('\n', '\r');
        if (line.Contains('\n', StringComparison.Ordinal) || !Uri.TryCreate(line, UriKind.Absolute, out var url))
        {
            return false;
        }

        var last = url.AbsolutePath[(url.AbsolutePath.LastIndexOf('/') + 1)..];
        if (!IsWellFormed(last))
        {
            return false;
        }

        id = last;
        return true;
    }

    /// <summary>Tailpaste's id shape: ten ASCII letters or digits.</summary>
    public static bool IsWellFormed(string candidate) =>
        candidate.Length == IdLength && candidate.All(char.IsAsciiLetterOrDigit);
}
