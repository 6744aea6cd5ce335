using Docker.DotNet;
using Tailpaste.Shared.History;

namespace Tailpaste.Deploy.History;

/// <summary>
/// The history file for a moment: copied out of history-volume (see <see cref="VolumeHistoryFile"/>) or opened
/// where history-path says, used, and put back. The deploy opens it twice, briefly — at the start (the circuit
/// breaker) and at the end (the row, the metrics) — never across the deploy, so a health check that writes its
/// run meanwhile loses nothing.
/// </summary>
public sealed class HistoryAccess : IAsyncDisposable
{
    private readonly VolumeHistoryFile? _volumeFile;
    private readonly string _path;

    private HistoryAccess(VolumeHistoryFile? volumeFile, string path, string source)
    {
        _volumeFile = volumeFile;
        _path = path;
        Source = source;
    }

    /// <summary>Where the history is, for people: volume:NAME/FILE or a path.</summary>
    public string Source { get; }

    /// <summary>The history the options name; null when they name none.</summary>
    public static async Task<HistoryAccess?> OpenAsync(DeployOptions options, IDockerClient docker, string image, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.History.Path is not { } path)
        {
            return null;
        }

        if (options.History.Volume is not { } volume)
        {
            return new HistoryAccess(null, path, path);
        }

        var file = await VolumeHistoryFile.OpenAsync(docker, volume, path, image, "image", labels, cancellationToken).ConfigureAwait(false);
        return new HistoryAccess(file, file.LocalPath, file.Source);
    }

    public DeployHistory Open() => DeployHistory.Open(_path);

    /// <summary>Puts the file back into the volume (the connection must be closed).</summary>
    public Task SaveAsync(CancellationToken cancellationToken) => _volumeFile?.SaveAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _volumeFile?.DisposeAsync() ?? ValueTask.CompletedTask;
}
