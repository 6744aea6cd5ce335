using System.Globalization;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Reads a container's log through the Engine API (so it works against a remote engine and
/// from inside a container action), splitting the multiplexed stdout/stderr frames into lines.
/// </summary>
public static class ContainerLogReader
{
    public static async Task<IReadOnlyList<ContainerLogLine>> ReadAsync(
        IDockerClient client, string containerId, ContainerLogQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(containerId);
        query ??= new ContainerLogQuery();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.MaxLines, nameof(query));

        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Follow = false,
            Timestamps = query.Timestamps,
            Since = query.Since is { } since ? UnixSeconds(since) : null,
            Tail = query.Tail?.ToString(CultureInfo.InvariantCulture) ?? "all",
        };

        // The client asks whether the container has a TTY (whose log is one raw stream without frame headers).
        using var stream = await client.Containers.GetContainerLogsAsync(containerId, parameters, cancellationToken).ConfigureAwait(false);
        return await ReadLinesAsync(stream, query.Timestamps, query.MaxLines, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Splits an already opened log stream into lines; the stream stays open.</summary>
    /// <param name="stream">The engine's log stream (multiplexed frames, or raw for a TTY container).</param>
    /// <param name="timestamps">Whether each line starts with the engine's RFC 3339 timestamp and a space.</param>
    /// <param name="maxLines">Stop after this many lines.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<IReadOnlyList<ContainerLogLine>> ReadLinesAsync(
        MultiplexedStream stream, bool timestamps, int maxLines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLines);
        var lines = new List<ContainerLogLine>();
        var stdout = new LineSplitter(ContainerLogStream.StandardOutput, timestamps, lines);
        var stderr = new LineSplitter(ContainerLogStream.StandardError, timestamps, lines);
        var buffer = new byte[16 * 1024];
        while (lines.Count < maxLines)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }

            var splitter = read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
            splitter.Add(buffer.AsSpan(0, read.Count));
        }

        stdout.Flush();
        stderr.Flush();
        return lines.Count > maxLines ? lines.GetRange(0, maxLines) : lines;
    }

    // The engine takes "seconds.nanoseconds"; whole seconds alone would re-read up to a second of log.
    private static string UnixSeconds(DateTimeOffset time)
    {
        var ticks = Math.Max(0, time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{remainder * 100:D9}");
    }

    /// <summary>Turns one stream's chunks into lines; a line or a UTF-8 character may span frames.</summary>
    private sealed class LineSplitter(ContainerLogStream stream, bool timestamps, List<ContainerLogLine> lines)
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private readonly StringBuilder _pending = new();

        public void Add(ReadOnlySpan<byte> bytes)
        {
            var chars = new char[_decoder.GetCharCount(bytes, flush: false)];
            _decoder.GetChars(bytes, chars, flush: false);
            foreach (var c in chars)
            {
                if (c == '\n')
                {
                    Emit();
                }
                else
                {
                    _pending.Append(c);
                }
            }
        }

        public void Flush()
        {
            // A cut-off character at the very end becomes U+FFFD rather than vanishing.
            var tail = new char[_decoder.GetCharCount([], flush: true)];
            _decoder.GetChars([], tail, flush: true);
            _pending.Append(tail);
            if (_pending.Length > 0)
            {
                Emit();
            }
        }

        private void Emit()
        {
            var text = _pending.ToString().TrimEnd('\r');
            _pending.Clear();
            DateTimeOffset? timestamp = null;
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            if (timestamps && space > 0
                && DateTimeOffset.TryParse(text.AsSpan(0, space), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                timestamp = parsed;
                text = text[(space + 1)..];
            }

            lines.Add(new ContainerLogLine(stream, text, timestamp));
        }
    }
}
