using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// Inspections where a missing container, image or volume is an answer, not a failure: the engine's 404 becomes null.
/// Docker.DotNet throws its not-found exceptions for some calls and a plain <see cref="DockerApiException"/> with
/// status 404 for others; both derive from <see cref="DockerApiException"/>, so one filter covers them.
/// </summary>
public static class EngineLookups
{
    /// <summary>The container by name or id, or null when the engine does not have it.</summary>
    public static Task<ContainerInspectResponse?> InspectOrNullAsync(this IContainerOperations containers, string nameOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(containers);
        return NullWhenMissingAsync(() => containers.InspectContainerAsync(nameOrId, cancellationToken));
    }

    /// <summary>The image by reference or id, or null when the engine does not have it.</summary>
    public static Task<ImageInspectResponse?> InspectOrNullAsync(this IImageOperations images, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        return NullWhenMissingAsync(() => images.InspectImageAsync(reference, cancellationToken));
    }

    /// <summary>The volume by name, or null when the engine does not have it.</summary>
    public static Task<VolumeResponse?> InspectOrNullAsync(this IVolumeOperations volumes, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        return NullWhenMissingAsync(() => volumes.InspectAsync(name, cancellationToken));
    }

    /// <summary>What <paramref name="lookup"/> answers, or null when the engine answers 404.</summary>
    public static async Task<T?> NullWhenMissingAsync<T>(Func<Task<T>> lookup)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(lookup);
        try
        {
            return await lookup().ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
