using Tailpaste.DockerCleanup.Model;

namespace Tailpaste.DockerCleanup.Selection;

/// <summary>
/// Which images, volumes and networks the containers that stay still use. Built after the container
/// phase from the containers that were not removed, so an image used by a selected container goes with
/// it, and one used by any other container (running or not) stays.
/// </summary>
public sealed class ContainerUsage
{
    private readonly Dictionary<string, DockerResource> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DockerResource> _volumes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DockerResource> _networks = new(StringComparer.Ordinal);

    private ContainerUsage()
    {
    }

    public static ContainerUsage Of(IEnumerable<DockerResource> stayingContainers)
    {
        ArgumentNullException.ThrowIfNull(stayingContainers);
        var usage = new ContainerUsage();

        // Running containers first, so the reason names the one that matters most.
        foreach (var container in stayingContainers.OrderByDescending(c => c.IsRunning).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            if (container.ImageId is { Length: > 0 } image)
            {
                usage._images.TryAdd(image, container);
            }

            foreach (var volume in container.VolumeNames)
            {
                usage._volumes.TryAdd(volume, container);
            }

            foreach (var network in container.NetworkIds)
            {
                usage._networks.TryAdd(network, container);
            }
        }

        return usage;
    }

    /// <summary>Why the resource must stay because a container uses it, or null when none does.</summary>
    public string? InUseReason(DockerResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var users = resource.Kind switch
        {
            ResourceKind.Images => _images,
            ResourceKind.Volumes => _volumes,
            ResourceKind.Networks => _networks,
            _ => null,
        };
        if (users is null || !users.TryGetValue(resource.Id, out var container))
        {
            return null;
        }

        var state = container.IsRunning ? "running" : "stopped";
        return $"used by the {state} container {container.Name} ({container.ShortId}), which is not being removed";
    }
}
