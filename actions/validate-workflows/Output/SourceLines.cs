using Tailpaste.ValidateWorkflows.Sources;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Output;

/// <summary>
/// Reads lines of reported files (paths relative to the root) for the text format's carets, once per file,
/// through the same confined, size-checked reader the linter uses.
/// </summary>
public sealed class SourceLines(string root)
{
    private readonly SafeFileReader _reader = new(root, YamlLimits.Default.MaxBytes);
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public string? Get(string file, int line)
    {
        if (!_files.TryGetValue(file, out var lines))
        {
            lines = _reader.Read(Path.GetFullPath(file, root)).Text?.Split('\n');
            _files[file] = lines;
        }

        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : null;
    }
}
