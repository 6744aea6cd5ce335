namespace Tailpaste.Shared.Tests.Actions;

/// <summary>Reads a GITHUB_OUTPUT-style file the way the runner does: name=value lines and name&lt;&lt;DELIM blocks.</summary>
internal static class RunnerFile
{
    public static List<KeyValuePair<string, string>> Parse(string path)
    {
        var lines = File.ReadAllText(path).Split('\n');
        var result = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                i++;
                while (i < lines.Length && lines[i] != delimiter)
                {
                    value.Add(lines[i++]);
                }

                if (i >= lines.Length)
                {
                    throw new InvalidDataException($"Delimiter '{delimiter}' for '{name}' is never closed.");
                }

                result.Add(new(name, string.Join("\n", value)));
            }
            else
            {
                result.Add(new(line[..equals], line[(equals + 1)..]));
            }
        }

        return result;
    }
}
