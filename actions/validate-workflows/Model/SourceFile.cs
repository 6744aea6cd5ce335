namespace Tailpaste.ValidateWorkflows.Model;

/// <summary>A file's text and the path users see, with its lines for carets and suppression comments.</summary>
public sealed class SourceFile
{
    private readonly string[] _lines;

    public SourceFile(string displayPath, string fullPath, string text)
    {
        DisplayPath = displayPath;
        FullPath = fullPath;
        Text = text;
        _lines = text.Split('\n');
    }

    /// <summary>Relative to the repository root when inside it, '/' separated.</summary>
    public string DisplayPath { get; }

    public string FullPath { get; }

    public string Text { get; }

    public int LineCount => _lines.Length;

    /// <summary>The 1-based line without its line break, or "" past the end.</summary>
    public string Line(int number) => number >= 1 && number <= _lines.Length ? _lines[number - 1].TrimEnd('\r') : string.Empty;

    /// <summary>
    /// Where the <paramref name="nth"/> (0-based) occurrence of <paramref name="needle"/> starts at or after
    /// <paramref name="from"/> and before <paramref name="to"/>; null when there is no such occurrence.
    /// </summary>
    public Yaml.Position? Find(string needle, Yaml.Position from, Yaml.Position to, int nth)
    {
        for (var line = from.Line; line <= Math.Min(to.Line, _lines.Length); line++)
        {
            var text = Line(line);
            var column = line == from.Line ? Math.Max(0, from.Column - 1) : 0;
            while (column <= text.Length && (column = text.IndexOf(needle, column, StringComparison.Ordinal)) >= 0)
            {
                if (line == to.Line && column >= to.Column - 1)
                {
                    return null;
                }

                if (nth-- == 0)
                {
                    return new Yaml.Position(line, column + 1);
                }

                column += needle.Length;
            }
        }

        return null;
    }

    public bool IsActionMetadata => Path.GetFileName(FullPath) is "action.yml" or "action.yaml";
}
