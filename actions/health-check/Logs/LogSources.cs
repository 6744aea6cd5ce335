using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.HealthCheck.Logs;

/// <summary>Feeds a <see cref="LogAnalyzer"/> from a file or from a container's log through the Docker logs API, streaming.</summary>
public static class LogSources
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task AnalyzeStreamAsync(Stream stream, LogAnalyzer analyzer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var lines = new LineAssembler(analyzer);
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
        var stdout = new LineAssembler(analyzer);
        var stderr = new LineAssembler(analyzer);
        var buffer = new byte[ChunkBytes];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }

            (read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout).Push(buffer.AsSpan(0, read.Count));
        }

        stdout.Complete();
        stderr.Complete();
    }
}
