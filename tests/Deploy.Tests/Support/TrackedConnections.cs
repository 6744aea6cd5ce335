using System.Net.Sockets;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// The connections one HTTP client opened (its <see cref="SocketsHttpHandler.ConnectCallback"/>), each counting the
/// bytes written and read on it, so a failed request can say whether it was sent on a kept-alive connection that
/// had served before, and whether any byte of an answer came back before it failed.
/// </summary>
public sealed class TrackedConnections
{
    private readonly Lock _gate = new();
    private readonly List<TrackedStream> _streams = [];

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        lock (_gate)
        {
            var stream = new TrackedStream(new NetworkStream(socket, ownsSocket: true));
            _streams.Add(stream);
            return stream;
        }
    }

    /// <summary>Bytes written and read on every connection so far, by connection number (from 1).</summary>
    public IReadOnlyList<(long Written, long Read)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _streams.Select(s => (s.BytesWritten, s.BytesRead))];
        }
    }

    private sealed class TrackedStream(NetworkStream inner) : Stream
    {
        private long _written;
        private long _read;

        public long BytesWritten => Interlocked.Read(ref _written);

        public long BytesRead => Interlocked.Read(ref _read);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => Count(ref _read, inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(ref _read, await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Count(ref _written, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // Counted before the write: a write the peer's reset fails still went out as far as the request is concerned.
            Count(ref _written, buffer.Length);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private static int Count(ref long counter, int bytes)
        {
            Interlocked.Add(ref counter, bytes);
            return bytes;
        }
    }
}
