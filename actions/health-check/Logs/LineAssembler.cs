using System.Text;

namespace Tailpaste.HealthCheck.Logs;

/// <summary>
/// Turns byte chunks (file reads, Docker log frames) into lines for a <see cref="LogAnalyzer"/> without
/// keeping more than one line: a line longer than <see cref="MaxLineBytes"/> is cut there, the rest skipped.
/// </summary>
public sealed class LineAssembler
{
    public const int MaxLineBytes = 16 * 1024;

    private static readonly UTF8Encoding _utf8 = new(false, false);

    private readonly LogAnalyzer _analyzer;
    private readonly byte[] _pending = new byte[MaxLineBytes];
    private readonly char[] _chars = new char[MaxLineBytes];
    private int _pendingLength;

    public LineAssembler(LogAnalyzer analyzer)
    {
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
    }

    public void Push(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            var end = chunk.IndexOf((byte)'\n');
            if (end < 0)
            {
                Append(chunk);
                return;
            }

            if (_pendingLength == 0)
            {
                Emit(chunk[..end]);
            }
            else
            {
                Append(chunk[..end]);
                Emit(_pending.AsSpan(0, _pendingLength));
                _pendingLength = 0;
            }

            chunk = chunk[(end + 1)..];
        }
    }

    /// <summary>Emits the last line when the input did not end with a line break.</summary>
    public void Complete()
    {
        if (_pendingLength > 0)
        {
            Emit(_pending.AsSpan(0, _pendingLength));
            _pendingLength = 0;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var room = MaxLineBytes - _pendingLength;
        var take = Math.Min(room, bytes.Length);
        bytes[..take].CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += take;
    }

    private void Emit(ReadOnlySpan<byte> line)
    {
        if (line.Length > MaxLineBytes)
        {
            line = line[..MaxLineBytes];
        }

        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        var count = _utf8.GetChars(line, _chars);
        _analyzer.AddLine(_chars.AsSpan(0, count));
    }
}
