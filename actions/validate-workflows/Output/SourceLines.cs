namespace Tailpaste.ValidateWorkflows.Output;

/// <summary>Reads lines of reported files (paths relative to the root) for the text format's carets, once per file.</summary>
public sealed class SourceLines(string root)
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public string? Get(string file, int line)
    {
        if (!_files.TryGetValue(file, out var lines))
        {
            var path = Path.GetFullPath(file, root);
            try
            {
                lines = File.Exists(path) && new FileInfo(path).Length < 4 * 1024 * 1024 ? File.ReadAllText(path).Split('\n') : null;
            }
            catch (IOException)
            {
                lines = null;
            }

            _files[file] = lines;
        }

        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : null;
    }
}
