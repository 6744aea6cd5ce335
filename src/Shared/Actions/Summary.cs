using System.Globalization;
using System.Net;
using System.Text;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// Builds the Markdown step summary block by block. GitHub refuses a step summary over 1 MiB, so
/// <see cref="Render"/> keeps whole blocks while they fit and says so when it had to cut.
/// </summary>
public sealed class Summary
{
    /// <summary>GitHub's limit for one step's summary.</summary>
    public const int DefaultLimitBytes = 1024 * 1024;

    private readonly List<string> _blocks = [];

    public bool IsEmpty => _blocks.Count == 0;

    /// <summary>Adds a block of Markdown; blocks are separated by one blank line.</summary>
    public Summary AddRaw(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        _blocks.Add(markdown.TrimEnd('\n') + "\n");
        return this;
    }

    public Summary AddHeading(string text, int level = 2)
    {
        var hashes = new string('#', Math.Clamp(level, 1, 6));
        return AddRaw($"{hashes} {Inline(text)}\n");
    }

    public Summary AddParagraph(string text) => AddRaw(Inline(text) + "\n");

    public Summary AddList(IEnumerable<string> items, bool ordered = false)
    {
        ArgumentNullException.ThrowIfNull(items);
        var text = new StringBuilder();
        var n = 1;
        foreach (var item in items)
        {
            text.Append(ordered ? $"{n++.ToString(CultureInfo.InvariantCulture)}. " : "- ").Append(Inline(item)).Append('\n');
        }

        return AddRaw(text.ToString());
    }

    /// <summary>A Markdown table; cells are escaped so a '|' or a newline in data cannot break it.</summary>
    public Summary AddTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', headers.Select(_ => " --- ")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", headers.Select((_, i) => i < row.Count ? Cell(row[i]) : string.Empty)).Append(" |\n");
        }

        return AddRaw(text.ToString());
    }

    public Summary AddCodeBlock(string code, string language = "")
    {
        ArgumentNullException.ThrowIfNull(code);
        // A fence longer than any backtick run inside the code cannot be closed by it.
        var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
        return AddRaw($"{fence}{language}\n{code.TrimEnd('\n')}\n{fence}\n");
    }

    public Summary AddDetails(string label, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return AddRaw($"<details><summary>{WebUtility.HtmlEncode(label)}</summary>\n\n{markdown.TrimEnd('\n')}\n\n</details>\n");
    }

    public Summary AddSeparator() => AddRaw("---\n");

    /// <summary>The Markdown, cut at a block boundary to <paramref name="limitBytes"/> with a note when it did not fit.</summary>
    public SummaryText Render(int limitBytes = DefaultLimitBytes)
    {
        var all = string.Join("\n", _blocks);
        var totalBytes = Encoding.UTF8.GetByteCount(all);
        if (totalBytes <= limitBytes)
        {
            return new SummaryText(all, Truncated: false, totalBytes);
        }

        var noteReserve = 200;
        var budget = Math.Max(0, limitBytes - noteReserve);
        var kept = new StringBuilder();
        var used = 0;
        foreach (var block in _blocks)
        {
            var bytes = Encoding.UTF8.GetByteCount(block) + 1;
            if (used + bytes > budget)
            {
                break;
            }

            kept.Append(block).Append('\n');
            used += bytes;
        }

        kept.Append(CultureInfo.InvariantCulture, $"> **Summary truncated:** {used} of {totalBytes} bytes shown; GitHub accepts at most {limitBytes} bytes per step. The full result is in the JSON report.\n");
        return new SummaryText(kept.ToString(), Truncated: true, totalBytes);
    }

    private static string Inline(string text) => (text ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Cell(string text) =>
        (text ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal);

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
