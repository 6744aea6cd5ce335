using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Reads a container's log through the Engine API (so it works against a remote engine and
/// from inside a container action), splitting the multiplexed stdout/stderr frames into lines.
/// </summary>
public static class ContainerLogReader
{
    /// <summary>The most of one line that is kept (the engine itself cuts lines into 16 KiB messages, which are joined).</summary>
    public const int MaxLineBytes = 1024 * 1024;

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
        BoundedLineSplitter Splitter(ContainerLogStream from) =>
            new(MaxLineBytes, line => lines.Add(ToLine(from, line.ToString(), timestamps)));
        await MultiplexedOutput.SplitLinesAsync(stream, Splitter(ContainerLogStream.StandardOutput), Splitter(ContainerLogStream.StandardError), () => lines.Count >= maxLines, cancellationToken).ConfigureAwait(false);
        return lines.Count > maxLines ? lines.GetRange(0, maxLines) : lines;
    }

    private static ContainerLogLine ToLine(ContainerLogStream stream, string text, bool timestamps)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (timestamps && space > 0
            && DateTimeOffset.TryParse(text.AsSpan(0, space), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return new ContainerLogLine(stream, text[(space + 1)..], parsed);
        }

        return new ContainerLogLine(stream, text, null);
    }

    // The engine takes "seconds.nanoseconds"; whole seconds alone would re-read up to a second of log.
    private static string UnixSeconds(DateTimeOffset time)
    {
        var ticks = Math.Max(0, time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{remainder * 100:D9}");
    }
}
