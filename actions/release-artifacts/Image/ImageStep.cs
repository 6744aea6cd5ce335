using Docker.DotNet;
using Tailpaste.Shared.Actions;

namespace Tailpaste.ReleaseArtifacts.Image;

/// <summary>Tags the built image with the version (and :production for a stable release, on request).</summary>
public sealed class ImageStep : IReleaseStep
{
    private readonly ReleaseArtifactsOptions _options;
    private readonly Func<IDockerClient> _docker;
    private readonly ActionCore _core;

    /// <param name="docker">The engine client, asked for only when the step runs (the pipeline checked the engine and the image).</param>
    public ImageStep(ReleaseArtifactsOptions options, Func<IDockerClient> docker, ActionCore core)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _docker = docker ?? throw new ArgumentNullException(nameof(docker));
        _core = core ?? throw new ArgumentNullException(nameof(core));
    }

    public string Name => "image";

    public bool Selected => _options.Image is not null;

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var image = _options.Image ?? throw new InvalidOperationException("The image step runs only with an image.");
        var release = state.Release;
        var production = _options.ImageProduction && !release.Version.IsPrerelease;
        if (_options.ImageProduction && !production)
        {
            _core.WriteWarning($"{release.Tag.Name} is a pre-release: the image is not tagged {ImageTagPlan.ProductionTag}.");
        }

        var plan = ImageTagPlan.For(image, _options.ImageName, state.Version, production);
        if (_options.DryRun)
        {
            _core.WriteInfo($"image (dry run): would tag {image} as {string.Join(", ", plan.Tags.Select(t => $"{plan.Repository}:{t}"))}");
            return;
        }

        state.ImageTags = await new ImageTagger(_docker()).TagAsync(plan, cancellationToken).ConfigureAwait(false);
        _core.WriteInfo($"Tagged {image} as {string.Join(", ", state.ImageTags)}");
    }

    public Task SkipAsync(ReleaseState state, CancellationToken cancellationToken) => Task.CompletedTask;
}
