using System.Text;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// Appends <c>name&lt;&lt;DELIM\nvalue\nDELIM\n</c> to a runner file (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV).
/// The delimiter is random and re-drawn when the value happens to contain it, so any value survives,
/// multi-line ones included.
/// </summary>
public sealed class FileCommandWriter
{
    private const int MaxDelimiterDraws = 16;
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Func<string> _newDelimiter;

    public FileCommandWriter(Func<string>? newDelimiter = null)
    {
        _newDelimiter = newDelimiter ?? (() => "ghadelimiter_" + Guid.NewGuid().ToString("N"));
    }

    public string Format(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        for (var draw = 0; draw < MaxDelimiterDraws; draw++)
        {
            var delimiter = _newDelimiter();
            if (!value.Contains(delimiter, StringComparison.Ordinal) && !name.Contains(delimiter, StringComparison.Ordinal))
            {
                return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
            }
        }

        throw new InvalidOperationException($"Could not find a delimiter that '{name}' does not contain.");
    }

    public async Task AppendAsync(string path, string name, string value, CancellationToken cancellationToken = default)
    {
        var text = Format(name, value);
        await File.AppendAllTextAsync(path, text, _utf8, cancellationToken).ConfigureAwait(false);
    }
}
