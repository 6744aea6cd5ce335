using Docker.DotNet;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.BackupRestore.Engine;

/// <summary>
/// Which image the helper containers run: helper-image when given; otherwise the image of the container this
/// action runs in, when the engine it talks to knows that container (a container action on the same engine),
/// by image id, so the helpers run exactly the code of this run.
/// </summary>
public static class HelperImageResolver
{
    public static async Task<string> ResolveAsync(IDockerClient docker, string? given, IReadOnlyList<string> selfCandidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(selfCandidates);
        if (given is not null)
        {
            return given;
        }

        foreach (var id in selfCandidates)
        {
            // Null: another engine's container (the action talks to a remote engine), not ours to use.
            var self = await docker.Containers.InspectOrNullAsync(id, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(self?.Image))
            {
                return self.Image;
            }
        }

        throw new InputException(
            HelperRunner.ImageInput,
            string.Empty,
            "the actions image (such as tailpaste/actions:<version>) when the action does not run as a container action on the engine it works with; the helper containers run it");
    }
}
