using Docker.DotNet;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy.Containers;

/// <summary>
/// Checks that backup-id names a backup of the service in the backup-restore action's volume (its manifest,
/// written last, is there), looked at through a container that mounts the volume read-only and never runs.
/// A missing volume or backup is bad input: the deploy is refused before anything changes.
/// </summary>
public static class BackupCheck
{
    private const string MountPoint = "/tailpaste-backups";

    /// <param name="services">The folders the backup may be under: the service's container names (a blue-green service is backed up under its live slot's).</param>
    public static async Task EnsureExistsAsync(IDockerClient docker, string volume, string backupId, IReadOnlyList<string> services, string image, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(services);
        if (await docker.Volumes.InspectOrNullAsync(volume, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InputException("backup-id", backupId, $"a backup in the volume {volume} (backup-volume), but that volume does not exist");
        }

        await using var holder = await SiblingContainer.CreateAsync(
            docker,
            new SiblingContainerSpec(image) { ImageSource = "image", Entrypoint = ["true"], Labels = labels, Binds = [$"{volume}:{MountPoint}:ro"] },
            cancellationToken).ConfigureAwait(false);
        foreach (var service in services)
        {
            if (await ContainerFileCopy.StatAsync(docker, holder.Id, $"{MountPoint}/{service}/{backupId}/manifest.json", cancellationToken).ConfigureAwait(false) is { IsRegularFile: true })
            {
                return;
            }
        }

        throw new InputException("backup-id", backupId, $"a finished backup of {string.Join(" or ", services)} in the volume {volume} (backup-volume), but there is none with this id");
    }
}
