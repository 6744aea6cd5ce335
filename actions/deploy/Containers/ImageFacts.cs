using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.Deploy.Containers;

/// <summary>What the deploy needs to know of an image: its reference, id, digest, and the version and commit its containers are labelled with.</summary>
public sealed record ImageFacts(string Reference, string Id, string Digest, string Version, string Commit)
{
    public const string Unknown = "unknown";

    /// <summary>
    /// Inspects <paramref name="reference"/>, pulling it once when the engine lacks it. An image that cannot be had
    /// is bad input naming <paramref name="input"/>: nothing has changed yet.
    /// </summary>
    public static async Task<ImageFacts> ResolveAsync(IDockerClient docker, string reference, string input, string? version, string? commit, string? workflowSha, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        var image = await InspectAsync(docker, reference, cancellationToken).ConfigureAwait(false);
        if (image is null)
        {
            var failure = await PullAsync(docker, reference, cancellationToken).ConfigureAwait(false);
            image = await InspectAsync(docker, reference, cancellationToken).ConfigureAwait(false)
                ?? throw new InputException(input, reference, $"an image the engine has or can pull; pulling it failed: {failure ?? "the engine does not have it afterwards"}");
        }

        var labels = image.Config?.Labels ?? new Dictionary<string, string>();
        var tag = reference.Contains('@', StringComparison.Ordinal) || reference.LastIndexOf(':') <= reference.LastIndexOf('/') ? null : reference[(reference.LastIndexOf(':') + 1)..];
        var labelVersion = labels.TryGetValue(DeployLabels.OciVersion, out var v) && InputFormats.LabelValue.IsValid(v) ? v : null;
        var labelCommit = labels.TryGetValue(DeployLabels.OciRevision, out var c) ? InputFormats.NormalizeCommitId(c) : null;
        return new ImageFacts(
            reference,
            image.ID,
            image.RepoDigests?.FirstOrDefault() ?? image.ID,
            version ?? labelVersion ?? (tag is not null && InputFormats.LabelValue.IsValid(tag) ? tag : Unknown),
            commit ?? labelCommit ?? workflowSha ?? Unknown);
    }

    /// <summary>The image, or null when the engine does not have it.</summary>
    public static Task<ImageInspectResponse?> InspectAsync(IDockerClient docker, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        return docker.Images.InspectOrNullAsync(reference, cancellationToken);
    }

    private static async Task<string?> PullAsync(IDockerClient docker, string reference, CancellationToken cancellationToken)
    {
        string? failure = null;
        var colon = reference.LastIndexOf(':');
        var parameters = reference.Contains('@', StringComparison.Ordinal) || colon <= reference.LastIndexOf('/')
            ? new ImagesCreateParameters { FromImage = reference }
            : new ImagesCreateParameters { FromImage = reference[..colon], Tag = reference[(colon + 1)..] };
        try
        {
            await docker.Images.CreateImageAsync(parameters, null, new Progress<JSONMessage>(m => failure = m.Error?.Message ?? failure), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            failure = e.ResponseBody?.Trim() is { Length: > 0 } body ? body : e.Message;
        }

        return failure?.ReplaceLineEndings(" ");
    }
}
