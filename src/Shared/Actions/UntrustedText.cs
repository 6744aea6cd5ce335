namespace Tailpaste.Shared.Actions;

/// <summary>
/// Makes text from repository content, labels, logs or payloads safe to print under the runner, which reads
/// every stdout line as a possible workflow command: a line whose first non-blank characters are <c>::</c>
/// (<c>::error</c>, <c>::add-mask</c>, <c>::stop-commands</c>…), and the older <c>##[command]</c> form anywhere in
/// a line. A zero-width space goes between the two characters that make the marker, so the text still reads
/// the same to a person but no longer parses as a command.
/// </summary>
public static class UntrustedText
{
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>The text with every command marker broken; line breaks are kept as they are.</summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text) || (!text.Contains("::", StringComparison.Ordinal) && !text.Contains("##[", StringComparison.Ordinal)))
        {
            return text ?? string.Empty;
        }

        var result = new System.Text.StringBuilder(text.Length + 8);
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var end = text.IndexOf('\n', lineStart);
            var line = end < 0 ? text[lineStart..] : text[lineStart..end];
            result.Append(NeutraliseLine(line));
            if (end < 0)
            {
                break;
            }

            result.Append('\n');
            lineStart = end + 1;
        }

        return result.ToString();
    }

    private static string NeutraliseLine(string line)
    {
        line = line.Replace("##[", $"#{ZeroWidthSpace}#[", StringComparison.Ordinal);
        var first = 0;
        while (first < line.Length && char.IsWhiteSpace(line[first]))
        {
            first++;
        }

        return string.CompareOrdinal(line, first, "::", 0, 2) == 0
            ? string.Concat(line.AsSpan(0, first + 1), ZeroWidthSpace.ToString(), line.AsSpan(first + 1))
            : line;
    }
}
