using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.Shared.Docker;

namespace Tailpaste.ReleaseArtifacts.Image;

/// <summary>Tags a built image with the release version (and :production) through the Docker Engine API.</summary>
public sealed class ImageTagger
{
    private readonly IDockerClient _client;

    public ImageTagger(IDockerClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>The image's ID, or null when the engine does not have it.</summary>
    public async Task<string?> FindAsync(string image, CancellationToken cancellationToken = default) =>
        (await _client.Images.InspectOrNullAsync(image, cancellationToken).ConfigureAwait(false))?.ID;

    /// <summary>Points every tag of <paramref name="plan"/> at its image (moving a tag that points elsewhere); returns the references.</summary>
    public async Task<IReadOnlyList<string>> TagAsync(ImageTagPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var done = new List<string>();
        foreach (var tag in plan.Tags)
        {
            await _client.Images.TagImageAsync(plan.Image, new ImageTagParameters { RepositoryName = plan.Repository, Tag = tag }, cancellationToken).ConfigureAwait(false);
            done.Add($"{plan.Repository}:{tag}");
        }

        return done;
    }
}
