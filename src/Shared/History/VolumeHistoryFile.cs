using Docker.DotNet;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Shared.History;

/// <summary>
/// The history file kept in a Docker volume, for a container action: its own files outside the workspace do
/// not outlive the job, and it cannot mount a volume itself. A sibling container that mounts the volume is
/// created but never started (no network, labelled); the file is copied out of it through the archive API,
/// used as a local SQLite file, and copied back. The engine creates the volume when it does not exist yet.
/// Two runs on the same volume at the same moment may lose one row; workflows keep them apart with a
/// <c>concurrency:</c> group. The health-check and deploy actions share it (one store: see <see cref="HistorySchema"/>).
/// </summary>
public sealed class VolumeHistoryFile : IAsyncDisposable
{
    public const string MountPoint = "/tailpaste-history";

    /// <summary>The most this action copies out of the volume: one short row per run stays far below it for decades.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly IDockerClient _docker;
    private readonly SiblingContainer _container;
    private readonly string _folder;
    private readonly string _fileName;

    private VolumeHistoryFile(IDockerClient docker, SiblingContainer container, string folder, string volume, string fileName)
    {
        _docker = docker;
        _container = container;
        _folder = folder;
        _fileName = fileName;
        Source = $"volume:{volume}/{fileName}";
    }

    /// <summary>Where the history is used while the run lasts.</summary>
    public string LocalPath => Path.Combine(_folder, _fileName);

    /// <summary>How reports name the history: <c>volume:&lt;name&gt;/&lt;file&gt;</c>.</summary>
    public string Source { get; }

    /// <param name="image">An image the engine has or can pull for the holder container, which never runs.</param>
    /// <param name="imageSource">The input that chose <paramref name="image"/>, named if it cannot be had.</param>
    public static async Task<VolumeHistoryFile> OpenAsync(
        IDockerClient docker, string volume, string fileName, string image, string imageSource, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var container = await SiblingContainer.CreateAsync(
            docker,
            new SiblingContainerSpec(image) { ImageSource = imageSource, Entrypoint = ["true"], Labels = labels, Binds = [$"{volume}:{MountPoint}"] },
            cancellationToken).ConfigureAwait(false);
        var createdId = container.Id;
        var folder = Directory.CreateTempSubdirectory("tailpaste-health-history-").FullName;
        var file = new VolumeHistoryFile(docker, container, folder, volume, fileName);
        try
        {
            // A link or a folder in the volume is refused before anything changes, never followed or replaced.
            var path = $"{MountPoint}/{fileName}";
            if (await ContainerFileCopy.StatAsync(docker, createdId, path, cancellationToken).ConfigureAwait(false) is { IsRegularFile: false } entry)
            {
                throw new InputException("history-path", fileName, $"a regular file in the volume {volume}, but {path} is {entry.Kind}");
            }

            await ContainerFileCopy.CopyOutAsync(docker, createdId, path, folder, MaxBytes, cancellationToken).ConfigureAwait(false);
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Puts the local file back into the volume, replacing the one copied out.</summary>
    public Task SaveAsync(CancellationToken cancellationToken) =>
        ContainerFileCopy.CopyInAsync(_docker, _container.Id, LocalPath, MountPoint, _fileName, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _container.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
