using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.Shared.Docker;

namespace Tailpaste.HealthCheck.Logs;

/// <summary>Feeds a <see cref="LogAnalyzer"/> from a file or from a container's log through the Docker logs API, streaming.</summary>
public static class LogSources
{
    /// <summary>The most of one log line that is analysed; the rest of a longer line is skipped.</summary>
    public const int MaxLineBytes = 16 * 1024;

    private const int ChunkBytes = 64 * 1024;

    /// <summary>A splitter that hands each line of at most <see cref="MaxLineBytes"/> to the analyzer.</summary>
    public static BoundedLineSplitter LinesFor(LogAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return new BoundedLineSplitter(MaxLineBytes, analyzer.AddLine);
    }

    public static async Task AnalyzeStreamAsync(Stream stream, LogAnalyzer analyzer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var lines = LinesFor(analyzer);
        var buffer = new byte[ChunkBytes];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            lines.Push(buffer.AsSpan(0, read));
        }

        lines.Complete();
    }

    public static async Task AnalyzeFileAsync(string path, LogAnalyzer analyzer, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, ChunkBytes, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await AnalyzeStreamAsync(file, analyzer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The container's last <paramref name="tail"/> lines (stdout and stderr), each stream assembled into lines on its own.</summary>
    public static async Task AnalyzeContainerAsync(IDockerClient docker, ContainerInspectResponse container, int tail, LogAnalyzer analyzer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(container);
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Follow = false,
            Tail = tail.ToString(CultureInfo.InvariantCulture),
        };
        using var stream = await docker.Containers.GetContainerLogsAsync(container.ID, parameters, cancellationToken).ConfigureAwait(false);
        await MultiplexedOutput.SplitLinesAsync(stream, LinesFor(analyzer), LinesFor(analyzer), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
