using System.IO.Compression;

namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>
/// A write-only gzip stream that compresses fixed 4 MiB chunks of its input on several cores and writes them,
/// in order, as consecutive gzip members (RFC 1952 allows several; gzip, tar, Python and .NET read them as one
/// stream). Chunk boundaries depend only on the input, never on the core count or on when data arrives, so
/// the bytes are the same on every machine. Memory is bounded: at most one chunk per worker is in flight.
/// </summary>
public sealed class ParallelGzipStream : Stream
{
    public const int ChunkSize = 4 << 20;

    /// <summary>zlib's default level, what <c>gzip</c> and <c>git archive</c> use.</summary>
    public const int DefaultLevel = 6;

    private const int MaxWorkers = 8;
    private readonly Stream _inner;
    private readonly int _level;
    private readonly int _workers;
    private readonly Queue<Task<byte[]>> _pending = new();
    private byte[] _chunk = new byte[ChunkSize];
    private int _filled;
    private bool _wroteMember;
    private bool _closed;

    public ParallelGzipStream(Stream inner, int level = DefaultLevel, int? workers = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _level = level;
        _workers = Math.Clamp(workers ?? Environment.ProcessorCount, 1, MaxWorkers);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_closed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, ChunkSize - _filled);
            buffer[..take].CopyTo(_chunk.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == ChunkSize)
            {
                Submit();
            }
        }
    }

    // Compression is CPU work on the workers; the caller's thread only copies, so the async path is the sync one.
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Does not cut a chunk (that would make the bytes depend on when callers flush).</summary>
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override ValueTask DisposeAsync()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;

            // The last partial chunk, or one empty member so that empty input is still a valid gzip file.
            if (_filled > 0 || (!_wroteMember && _pending.Count == 0))
            {
                Submit();
            }

            while (_pending.Count > 0)
            {
                WriteOldest();
            }

            _inner.Flush();
        }

        base.Dispose(disposing);
    }

    private void Submit()
    {
        var data = _chunk;
        var length = _filled;
        _chunk = new byte[ChunkSize];
        _filled = 0;
        var level = _level;
        _pending.Enqueue(Task.Run(() => Compress(data, length, level)));
        while (_pending.Count > _workers)
        {
            WriteOldest();
        }
    }

    private void WriteOldest()
    {
        var member = _pending.Dequeue().GetAwaiter().GetResult();
        _inner.Write(member);
        _wroteMember = true;
    }

    // The member for no data at all: header, an empty final deflate block, CRC 0, size 0. (GZipStream writes
    // nothing when nothing was written to it.)
    private static readonly byte[] _emptyMember = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, GzipHeader.OperatingSystemUnix, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static byte[] Compress(byte[] data, int length, int level)
    {
        if (length == 0)
        {
            return (byte[])_emptyMember.Clone();
        }

        using var output = new MemoryStream((length / 4) + 64);
        using (var gzip = new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            gzip.Write(data, 0, length);
        }

        var member = output.ToArray();
        GzipHeader.Normalize(member);
        return member;
    }
}
