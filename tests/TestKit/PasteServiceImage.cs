using Docker.DotNet.Models;

namespace Tailpaste.TestKit;

/// <summary>
/// Copies of the sample service's image under a test's own tag, so a test that moves or removes a tag (a restore,
/// a deploy) never touches the shared sample image, and the fixture's sweep of labelled images removes them.
/// </summary>
public static class PasteServiceImage
{
    /// <summary>
    /// <paramref name="source"/> (an image of the sample service) again as <paramref name="tag"/>, with Dockerfile-style
    /// <paramref name="changes"/> (such as <c>ENV FAULT_ERROR_RATE=0.2</c>) and the fixture's test-run label; the copy's id.
    /// </summary>
    public static async Task<string> CommitCopyAsync(DockerEngineFixture engine, string source, string tag, IReadOnlyList<string> changes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(tag);
        var holder = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters { Image = source, Entrypoint = ["true"], Labels = new Dictionary<string, string>(engine.Labels) });
        try
        {
            var colon = tag.LastIndexOf(':');
            var committed = await engine.Client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = holder.ID,
                RepositoryName = tag[..colon],
                Tag = tag[(colon + 1)..],
                Changes = [$"LABEL {DockerEngineFixture.TestRunLabel}={engine.TestRunId}", "ENTRYPOINT [\"dotnet\", \"PasteService.dll\"]", .. changes],
            });
            return committed.ID;
        }
        finally
        {
            // With its volumes: creating the holder made an anonymous volume for the image's VOLUME /data.
            await engine.Client.Containers.RemoveContainerAsync(holder.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
        }
    }
}
