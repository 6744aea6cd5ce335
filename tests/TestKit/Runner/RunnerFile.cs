namespace Tailpaste.TestKit.Runner;

/// <summary>Reads a GITHUB_OUTPUT-style file the way the runner does: name=value lines and name&lt;&lt;DELIM blocks.</summary>
public static class RunnerFile
{
    /// <summary>Every entry of the file at <paramref name="path"/>, in order, repeats kept.</summary>
    public static List<KeyValuePair<string, string>> Parse(string path) => ParseText(File.ReadAllText(path));

    /// <summary>The outputs a step wrote, by name (the last write of a name wins, as in the runner); empty when there is no file.</summary>
    public static IReadOnlyDictionary<string, string> Outputs(string path)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var (name, value) in Parse(path))
            {
                outputs[name] = value;
            }
        }

        return outputs;
    }

    public static List<KeyValuePair<string, string>> ParseText(string text)
    {
        var lines = text.Split('\n');
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
