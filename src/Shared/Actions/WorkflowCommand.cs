using System.Globalization;
using System.Text;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// Formats <c>::command prop=value,...::message</c> lines with the runner's escaping:
/// in the message % CR LF are escaped, in property values also ':' and ','.
/// </summary>
public static class WorkflowCommand
{
    public static string EscapeData(string? value) =>
        (value ?? string.Empty).Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string? value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    public static string Format(string command, IEnumerable<KeyValuePair<string, string?>>? properties, string? message)
    {
        ArgumentNullException.ThrowIfNull(command);
        var line = new StringBuilder("::").Append(command);
        var first = true;
        foreach (var (key, value) in properties ?? [])
        {
            if (value is null)
            {
                continue;
            }

            line.Append(first ? ' ' : ',').Append(key).Append('=').Append(EscapeProperty(value));
            first = false;
        }

        return line.Append("::").Append(EscapeData(message)).ToString();
    }

    /// <summary>The property list of an annotation in the runner's names (file, line, col, endLine, endColumn, title).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Properties(AnnotationProperties? annotation)
    {
        if (annotation is null)
        {
            yield break;
        }

        yield return new("file", annotation.File);
        yield return new("line", Number(annotation.StartLine));
        yield return new("col", Number(annotation.StartColumn));
        yield return new("endLine", Number(annotation.EndLine));
        yield return new("endColumn", Number(annotation.EndColumn));
        yield return new("title", annotation.Title);
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
