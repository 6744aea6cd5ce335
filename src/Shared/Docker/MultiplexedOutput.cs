using Docker.DotNet;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// The one read loop over the engine's multiplexed output (container logs, exec, attach): each chunk handed on
/// with the stream it came from, until the end, or until the handler says it has enough. For a TTY container the
/// client hands everything on as standard output.
/// </summary>
public static class MultiplexedOutput
{
    private const int ChunkBytes = 64 * 1024;

    /// <param name="stream">The engine's stream; it stays open.</param>
    /// <param name="chunk">Gets each chunk; returns false to stop reading.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task ReadAsync(MultiplexedStream stream, Func<ContainerLogStream, ReadOnlyMemory<byte>, bool> chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(chunk);
        var buffer = new byte[ChunkBytes];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                return;
            }

            var target = read.Target == MultiplexedStream.TargetStream.StandardError ? ContainerLogStream.StandardError : ContainerLogStream.StandardOutput;
            if (!chunk(target, buffer.AsMemory(0, read.Count)))
            {
                return;
            }
        }
    }

    /// <summary>Feeds standard output and standard error each to its own splitter (a line may span chunks of its own stream only), and completes both.</summary>
    public static async Task SplitLinesAsync(MultiplexedStream stream, BoundedLineSplitter stdout, BoundedLineSplitter stderr, Func<bool>? enough = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        await ReadAsync(stream, (target, bytes) =>
        {
            (target == ContainerLogStream.StandardError ? stderr : stdout).Push(bytes.Span);
            return enough is null || !enough();
        }, cancellationToken).ConfigureAwait(false);
        stdout.Complete();
        stderr.Complete();
    }
}
