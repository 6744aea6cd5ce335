using System.Text;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Turns byte chunks (file reads, one stream of a container's output) into UTF-8 lines without keeping more than
/// one line, and never more than <see cref="MaxLineBytes"/> of it: a longer line is cut there and the rest skipped,
/// so a process that writes without line breaks cannot exhaust memory. A line or a character may span chunks; a
/// trailing CR is dropped; bytes that are not UTF-8 (or a character cut at the end) become U+FFFD.
/// </summary>
public sealed class BoundedLineSplitter
{
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly LineHandler _line;
    private byte[] _pending = new byte[256];
    private char[] _chars = new char[256];
    private int _pendingLength;

    /// <param name="maxLineBytes">The most of one line that is kept.</param>
    /// <param name="line">Called for every line, in order.</param>
    public BoundedLineSplitter(int maxLineBytes, LineHandler line)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        MaxLineBytes = maxLineBytes;
        _line = line ?? throw new ArgumentNullException(nameof(line));
    }

    public int MaxLineBytes { get; }

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
                Emit(chunk[..Math.Min(end, MaxLineBytes)]);
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
        var take = Math.Min(MaxLineBytes - _pendingLength, bytes.Length);
        if (take <= 0)
        {
            return;
        }

        if (_pendingLength + take > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Min(MaxLineBytes, Math.Max(_pending.Length * 2, _pendingLength + take)));
        }

        bytes[..take].CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += take;
    }

    private void Emit(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (_chars.Length < line.Length)
        {
            _chars = new char[Math.Max(line.Length, _chars.Length * 2)];
        }

        var count = _utf8.GetChars(line, _chars);
        _line(_chars.AsSpan(0, count));
    }
}
