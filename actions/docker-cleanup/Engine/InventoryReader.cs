using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.Shared.Docker;

namespace Tailpaste.DockerCleanup.Engine;

/// <summary>
/// Lists what the engine holds, one list call per kind, all at once. Containers are always listed, all of them,
/// because the images, volumes and networks they use must not be removed from under them. Networks, images and
/// volumes are listed with the selector as the engine's own label filter (it matches exactly as the selector
/// does: every pair, as written), so the engine encodes, and the action reads, only the candidates; with
/// pruning, dangling images come in one more filtered call. Writable-layer sizes are asked for only where
/// removal is possible (the selector, and stopped containers when pruning): sizing makes the engine walk each
/// container's files, which on a production host is work nobody asked for. So containers take one more call
/// (two with pruning): the same list, filtered to those, with sizes.
/// </summary>
public static class InventoryReader
{
    public static async Task<Inventory> ReadAsync(IDockerClient client, IReadOnlyCollection<ResourceKind> kinds, LabelSelector selector, bool pruneDangling, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(selector);
        var containers = ReadContainersAsync(client, kinds.Contains(ResourceKind.Containers) ? selector : null, pruneDangling, cancellationToken);
        var networks = kinds.Contains(ResourceKind.Networks) ? ReadNetworksAsync(client, selector, cancellationToken) : Task.FromResult<IReadOnlyList<DockerResource>>([]);
        var images = kinds.Contains(ResourceKind.Images) ? ReadImagesAsync(client, selector, pruneDangling, cancellationToken) : Task.FromResult<IReadOnlyList<DockerResource>>([]);
        var volumes = kinds.Contains(ResourceKind.Volumes) ? ReadVolumesAsync(client, selector, cancellationToken) : Task.FromResult<IReadOnlyList<DockerResource>>([]);
        await Task.WhenAll(containers, networks, images, volumes).ConfigureAwait(false);
        return new Inventory(await containers.ConfigureAwait(false), await networks.ConfigureAwait(false), await images.ConfigureAwait(false), await volumes.ConfigureAwait(false));
    }

    // sizeFor: the selector whose containers get sized (null: none, the containers kind was not asked for).
    private static async Task<IReadOnlyList<DockerResource>> ReadContainersAsync(IDockerClient client, LabelSelector? sizeFor, bool pruneDangling, CancellationToken cancellationToken)
    {
        var all = client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, cancellationToken);
        var sized = new List<Task<IList<ContainerListResponse>>>();
        if (sizeFor is not null)
        {
            sized.Add(client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Size = true, Filters = sizeFor.ToDockerFilters() }, cancellationToken));
            if (pruneDangling)
            {
                var stopped = new Dictionary<string, IDictionary<string, bool>> { ["status"] = new Dictionary<string, bool> { ["created"] = true, ["exited"] = true, ["dead"] = true } };
                sized.Add(client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Size = true, Filters = stopped }, cancellationToken));
            }
        }

        await Task.WhenAll(sized.Append(all)).ConfigureAwait(false);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var container in sized.SelectMany(task => task.Result))
        {
            // The engine leaves SizeRw out when nothing was written.
            sizes[container.ID] = container.SizeRw ?? 0;
        }

        return (await all.ConfigureAwait(false)).Select(c => ToResource(c, sizes.TryGetValue(c.ID, out var size) ? size : null)).ToList();
    }

    private static DockerResource ToResource(ContainerListResponse c, long? sizeRw) =>
        new(ResourceKind.Containers, c.ID, c.Names?.FirstOrDefault()?.TrimStart('/') ?? c.ID, c.Labels, EngineValues.Utc(c.Created), sizeRw)
        {
            IsRunning = EngineValues.IsRunning(c.State),
            ImageId = c.ImageID,
            VolumeNames = c.Mounts?.Where(m => m.Type == "volume" && !string.IsNullOrEmpty(m.Name)).Select(m => m.Name!).ToList() ?? [],
            NetworkIds = c.NetworkSettings?.Networks?.Values.Select(n => n.NetworkID).Where(id => !string.IsNullOrEmpty(id)).ToList() ?? [],
        };

    private static async Task<IReadOnlyList<DockerResource>> ReadNetworksAsync(IDockerClient client, LabelSelector selector, CancellationToken cancellationToken)
    {
        var list = await client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = selector.ToDockerFilters() }, cancellationToken).ConfigureAwait(false);
        return list.Select(n => new DockerResource(ResourceKind.Networks, n.ID, n.Name, n.Labels, EngineValues.Utc(n.Created), null)).ToList();
    }

    private static async Task<IReadOnlyList<DockerResource>> ReadImagesAsync(IDockerClient client, LabelSelector selector, bool pruneDangling, CancellationToken cancellationToken)
    {
        // Top-level images only, like `docker images`: intermediate layers go with the image above them.
        var lists = new List<Task<IList<ImagesListResponse>>>
        {
            client.Images.ListImagesAsync(new ImagesListParameters { All = false, Filters = selector.ToDockerFilters() }, cancellationToken),
        };
        if (pruneDangling)
        {
            var dangling = new Dictionary<string, IDictionary<string, bool>> { ["dangling"] = new Dictionary<string, bool> { ["true"] = true } };
            lists.Add(client.Images.ListImagesAsync(new ImagesListParameters { All = false, Filters = dangling }, cancellationToken));
        }

        await Task.WhenAll(lists).ConfigureAwait(false);
        // An image that is both selected and dangling is in both lists: once.
        return lists.SelectMany(list => list.Result).DistinctBy(i => i.ID, StringComparer.Ordinal).Select(i =>
            {
                var tags = EngineValues.Tags(i.RepoTags);
                return new DockerResource(ResourceKind.Images, i.ID, tags.FirstOrDefault() ?? "<none>", i.Labels, EngineValues.Utc(i.Created), i.Size)
                {
                    Tags = tags,
                    IsDangling = tags.Count == 0,
                };
            })
            .ToList();
    }

    private static async Task<IReadOnlyList<DockerResource>> ReadVolumesAsync(IDockerClient client, LabelSelector selector, CancellationToken cancellationToken)
    {
        var list = await client.Volumes.ListAsync(new VolumesListParameters { Filters = selector.ToDockerFilters() }, cancellationToken).ConfigureAwait(false);
        return (list.Volumes ?? [])
            .Select(v => new DockerResource(
                ResourceKind.Volumes,
                v.Name,
                v.Name,
                v.Labels,
                EngineValues.VolumeCreated(v.CreatedAt),
                v.UsageData is { Size: >= 0 } usage ? usage.Size : null))
            .ToList();
    }
}
