using Docker.DotNet;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.Shared.Docker;

namespace Tailpaste.DockerCleanup.Engine;

/// <summary>
/// Reads one resource again, by ID (volumes by name, the only key the API has for them), as it is now: the
/// labels, age and state the cleanup rules judge. Used just before a removal, so that what changed since the
/// listing is judged as it is, not as it was.
/// </summary>
public static class ResourceInspector
{
    /// <summary>The resource as the engine describes it now, or null when it is gone.</summary>
    public static Task<DockerResource?> InspectAsync(IDockerClient client, DockerResource listed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(listed);
        return EngineLookups.NullWhenMissingAsync(() => listed.Kind switch
        {
            ResourceKind.Containers => ContainerAsync(client, listed.Id, cancellationToken),
            ResourceKind.Networks => NetworkAsync(client, listed.Id, cancellationToken),
            ResourceKind.Images => ImageAsync(client, listed.Id, cancellationToken),
            ResourceKind.Volumes => VolumeAsync(client, listed.Id, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(listed), listed.Kind, null),
        });
    }

    private static async Task<DockerResource> ContainerAsync(IDockerClient client, string id, CancellationToken cancellationToken)
    {
        var c = await client.Containers.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false);
        return new DockerResource(ResourceKind.Containers, c.ID, c.Name?.TrimStart('/') ?? c.ID, c.Config?.Labels, EngineValues.Utc(c.Created), null)
        {
            IsRunning = EngineValues.IsRunning(c.State?.Status),
            ImageId = c.Image,
        };
    }

    private static async Task<DockerResource> NetworkAsync(IDockerClient client, string id, CancellationToken cancellationToken)
    {
        var n = await client.Networks.InspectNetworkAsync(id, cancellationToken).ConfigureAwait(false);
        return new DockerResource(ResourceKind.Networks, n.ID, n.Name, n.Labels, EngineValues.Utc(n.Created), null);
    }

    private static async Task<DockerResource> ImageAsync(IDockerClient client, string id, CancellationToken cancellationToken)
    {
        var i = await client.Images.InspectImageAsync(id, cancellationToken).ConfigureAwait(false);
        var tags = EngineValues.Tags(i.RepoTags);
        return new DockerResource(ResourceKind.Images, i.ID, tags.FirstOrDefault() ?? "<none>", i.Config?.Labels, EngineValues.Utc(i.Created), i.Size)
        {
            Tags = tags,
            IsDangling = tags.Count == 0,
        };
    }

    private static async Task<DockerResource> VolumeAsync(IDockerClient client, string name, CancellationToken cancellationToken)
    {
        var v = await client.Volumes.InspectAsync(name, cancellationToken).ConfigureAwait(false);
        return new DockerResource(ResourceKind.Volumes, v.Name, v.Name, v.Labels, EngineValues.VolumeCreated(v.CreatedAt), null);
    }
}
