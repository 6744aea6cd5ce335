namespace Tailpaste.ValidateWorkflows.Sources;

/// <summary>
/// Reads a workflow's top-level <c>name:</c> from its text when it is written the common way — a line
/// <c>name: CI</c> (plain, or simply quoted) at the left margin — so listing the names of every workflow does not
/// parse every file. Anything else (flow style, anchors, block or continued scalars, escapes) says "cannot tell",
/// and the caller parses the file.
/// </summary>
public static class WorkflowNameLine
{
    /// <summary>True when the name is known: <paramref name="name"/> is it, or null when the file has no top-level name.</summary>
    public static bool TryRead(string text, out string? name)
    {
        ArgumentNullException.ThrowIfNull(text);
        name = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith('{') || line.StartsWith("\"name\"", StringComparison.Ordinal) || line.StartsWith("'name'", StringComparison.Ordinal))
            {
                return false;
            }

            if (!line.StartsWith("name:", StringComparison.Ordinal))
            {
                continue;
            }

            var value = StripComment(line["name:".Length..]).Trim();
            if (value.Length == 0 || value[0] is '&' or '*' or '!' or '|' or '>' or '{' or '[' or '%' or '@' or '`' || Continues(lines, i + 1))
            {
                return false;
            }

            if (value[0] is '"' or '\'')
            {
                var quote = value[0];
                if (value.Length < 2 || value[^1] != quote || value.Contains('\\', StringComparison.Ordinal))
                {
                    return false;
                }

                value = value[1..^1];
                if (quote == '\'')
                {
                    value = value.Replace("''", "'", StringComparison.Ordinal);
                }
                else if (value.Contains('"', StringComparison.Ordinal))
                {
                    return false;
                }
            }

            name = value;
            return true;
        }

        return true;
    }

    /// <summary>A plain scalar goes on when the next line that is not blank or a comment is indented.</summary>
    private static bool Continues(string[] lines, int from)
    {
        for (var i = from; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            return char.IsWhiteSpace(line[0]);
        }

        return false;
    }

    private static string StripComment(string value)
    {
        // A comment starts at " #" outside quotes; a quoted value is kept whole and checked by the caller.
        var trimmed = value.TrimStart();
        if (trimmed.StartsWith('"') || trimmed.StartsWith('\''))
        {
            return value;
        }

        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? value[..hash] : value;
    }
}
