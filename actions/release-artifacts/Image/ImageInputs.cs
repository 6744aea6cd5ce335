using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.ReleaseArtifacts.Image;

/// <summary>The image step's inputs: the built image (null for none), the repository its tags go to, production, and the engine.</summary>
/// <param name="Docker">The engine that tags; the local socket unread when there is no image, so a DOCKER_HOST meant for other tools cannot fail the run.</param>
public sealed record ImageInputs(string? Reference, string Repository, bool Production, DockerHostSetting Docker)
{
    public static ImageInputs Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var image = inputs.GetOptionalInput("image");
        if (image is not null && (image.StartsWith('-') || image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw inputs.Invalid("image", image, "an image reference (name:tag) or ID");
        }

        var imageName = inputs.GetInput("image-name", required: true);
        if (!ImageTagPlan.IsRepository(imageName))
        {
            throw inputs.Invalid("image-name", imageName, ImageTagPlan.RepositoryExpected);
        }

        var production = inputs.GetBoolInput("image-production");
        // The engine matters only with an image: a DOCKER_HOST meant for other tools must not fail a release without one.
        return new ImageInputs(image, imageName, production, inputs.GetDockerHostInput(runner, needed: image is not null));
    }
}
