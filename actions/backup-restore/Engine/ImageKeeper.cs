using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.BackupRestore.Engine;

/// <summary>
/// Keeps a backed-up image alive with an extra tag, <c>&lt;repository&gt;:backup-&lt;id&gt;</c>, so no cleanup of
/// dangling or unused images can take it while its backup exists; releases the tag when the backup goes.
/// </summary>
public static class ImageKeeper
{
    /// <summary>The repository images without one (created from a bare id) are kept under.</summary>
    public const string FallbackRepository = "tailpaste-backup";

    /// <summary>The repository part of a reference: no tag, no digest; the fallback for an image id.</summary>
    public static string Repository(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || reference.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return FallbackRepository;
        }

        var name = reference.Split('@')[0];
        var lastSlash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > lastSlash ? name[..colon] : name;
    }

    public static string BackupTag(string? reference, string backupId) => $"{Repository(reference)}:backup-{backupId}";

    /// <summary>Points <paramref name="tag"/> (<c>repository:tag</c>) at the image <paramref name="imageId"/>, moving it if it pointed elsewhere.</summary>
    public static Task TagAsync(IDockerClient docker, string imageId, string tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(tag);
        var colon = tag.LastIndexOf(':');
        var slash = tag.LastIndexOf('/');
        var (repository, name) = colon > slash ? (tag[..colon], tag[(colon + 1)..]) : (tag, "latest");
        return docker.Images.TagImageAsync(imageId, new ImageTagParameters { RepositoryName = repository, Tag = name }, cancellationToken);
    }

    /// <summary>Removes the tag; the image goes only when nothing else (another tag, a container) keeps it. False when the tag was not there.</summary>
    public static async Task<bool> ReleaseAsync(IDockerClient docker, string tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        try
        {
            await docker.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = false, NoPrune = false }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // The image is in use (a container runs it) and this was its last tag: the tag stays rather than
            // force-removing what runs. Untag only, as docker rmi does for an image with other tags.
            return false;
        }
    }
}
