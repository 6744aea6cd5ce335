using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.HealthCheck.Containers;

/// <summary>
/// Creates the short-lived helper containers the action starts next to the service. On a fresh host the
/// helper image may not be there yet, so a missing image is pulled once and the creation retried; when the pull
/// fails too, the error names the image and the input that chose it.
/// </summary>
public static class SiblingContainers
{
    public const string ImageInput = "disk-check-image";

    public static async Task<string> CreateAsync(IDockerClient docker, CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(parameters);
        try
        {
            return (await docker.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerImageNotFoundException)
        {
            await PullAsync(docker, parameters.Image, cancellationToken).ConfigureAwait(false);
            return (await docker.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID;
        }
    }

    private static async Task PullAsync(IDockerClient docker, string image, CancellationToken cancellationToken)
    {
        var failure = (string?)null;
        var progress = new Progress<JSONMessage>(message =>
        {
            if (!string.IsNullOrEmpty(message.Error?.Message))
            {
                failure = message.Error.Message;
            }
        });
        try
        {
            await docker.Images.CreateImageAsync(Reference(image), null, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            failure = e.ResponseBody?.Trim() is { Length: > 0 } body ? body : e.Message;
        }

        if (failure is null)
        {
            // The progress callback may still be queued; the image is the proof.
            try
            {
                await docker.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DockerApiException e)
            {
                failure = e.Message;
            }
        }

        throw new IOException($"the helper image {image} ({ImageInput}) is not on the engine and pulling it failed: {(failure ?? "unknown error").ReplaceLineEndings(" ")}");
    }

    /// <summary>Splits <c>name:tag</c> (not a registry's <c>host:port</c>, not a digest) for the pull.</summary>
    private static ImagesCreateParameters Reference(string image)
    {
        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return image.Contains('@', StringComparison.Ordinal) || colon <= lastSlash
            ? new ImagesCreateParameters { FromImage = image }
            : new ImagesCreateParameters { FromImage = image[..colon], Tag = image[(colon + 1)..] };
    }
}
