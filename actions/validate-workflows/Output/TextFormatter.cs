using System.Globalization;
using System.Text;
using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Output;

/// <summary>
/// The human format: <c>path:line:col: message [rule]</c>, then the source line and a caret under the column
/// (with <c>~</c> up to the end column when known). Warnings say so before the message. Line breaks inside a
/// message or path print as <c>\n</c>.
/// </summary>
public static class TextFormatter
{
    /// <param name="sourceLine">The text of a line of a file, or null when it cannot be shown.</param>
    public static string Render(IReadOnlyList<Finding> findings, Func<string, int, string?> sourceLine)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(sourceLine);
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            var level = finding.Severity == Severity.Warning ? "warning: " : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{OneLine(finding.File)}:{finding.Line}:{finding.Column}: {level}{OneLine(finding.Message)} [{finding.Rule}]\n");
            var line = sourceLine(finding.File, finding.Line);
            if (line is null)
            {
                continue;
            }

            var number = finding.Line.ToString(CultureInfo.InvariantCulture);
            var gutter = new string(' ', number.Length);
            var (shown, column) = Window(line, finding.Column);
            text.Append(CultureInfo.InvariantCulture, $"{number} | {shown}\n");
            var width = finding.EndColumn is { } end && end > finding.Column ? end - finding.Column : 1;
            width = Math.Min(width, Math.Max(1, shown.Length - column + 2));
            text.Append(gutter).Append(" | ").Append(' ', Math.Max(0, column - 1)).Append('^').Append('~', width - 1).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// One finding is one line: a line break quoted from the file (a value, a file name) is shown as \n, so it
    /// can neither break the format nor start a line the runner would read as a workflow command.
    /// </summary>
    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAnyInRange('\0', '\x1f') < 0 ? text : new string(text.SelectMany(c => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\t",
            _ when char.IsControl(c) => "?",
            _ => c.ToString(),
        }).ToArray());

    /// <summary>At most <see cref="MaxShown"/> characters of the line around the column, control characters made visible.</summary>
    private static (string Text, int Column) Window(string line, int column)
    {
        var start = line.Length <= MaxShown || column <= MaxShown / 2 ? 0 : Math.Min(column - 1 - (MaxShown / 2), line.Length - MaxShown);
        var cut = line.Substring(start, Math.Min(MaxShown, line.Length - start));
        var clean = new string(cut.Select(c => c == '\t' ? ' ' : char.IsControl(c) ? '?' : c).ToArray());
        return (clean, column - start);
    }

    private const int MaxShown = 160;
}
