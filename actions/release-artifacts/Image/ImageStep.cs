using Docker.DotNet;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.ReleaseArtifacts.Image;

/// <summary>Tags the built image with the version (and :production for a stable release, on request).</summary>
public sealed class ImageStep : IReleaseStep, IDisposable
{
    private readonly ReleaseArtifactsOptions _options;
    private readonly ActionCore _core;
    private DockerClient? _docker;

    public ImageStep(ReleaseArtifactsOptions options, ActionCore core)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _core = core ?? throw new ArgumentNullException(nameof(core));
    }

    public string Name => "image";

    public bool Selected => _options.Image.Reference is not null;

    /// <summary>The engine must answer and have the image, or a typo would leave half a release.</summary>
    public async Task PrepareAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        if (_options.Image.Reference is not { } image)
        {
            return;
        }

        // The engine address is only read with an image: a DOCKER_HOST meant for other tools never fails a release.
        _docker = DockerClientFactory.Create(_options.Image.Docker.Endpoint);
        await DockerEngineProbe.RequireAnswerAsync(_docker, _options.Image.Docker.Endpoint, _options.Image.Docker.Source, "to tag the image", cancellationToken).ConfigureAwait(false);

        if (await new ImageTagger(_docker).FindAsync(image, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InputException("image", image, $"an image the Docker engine at {_options.Image.Docker.Endpoint} has (build it first)");
        }
    }

    public async Task RunAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var image = _options.Image.Reference ?? throw new InvalidOperationException("The image step runs only with an image.");
        var release = state.Release;
        var production = _options.Image.Production && !release.Version.IsPrerelease;
        if (_options.Image.Production && !production)
        {
            _core.WriteWarning($"{release.Tag.Name} is a pre-release: the image is not tagged {ImageTagPlan.ProductionTag}.");
        }

        var plan = ImageTagPlan.For(image, _options.Image.Repository, state.Version, production);
        if (_options.DryRun)
        {
            _core.WriteInfo($"image (dry run): would tag {image} as {string.Join(", ", plan.Tags.Select(t => $"{plan.Repository}:{t}"))}");
            return;
        }

        state.ImageTags = await new ImageTagger(_docker ?? throw new InvalidOperationException("The image step runs after it was prepared.")).TagAsync(plan, cancellationToken).ConfigureAwait(false);
        _core.WriteInfo($"Tagged {image} as {string.Join(", ", state.ImageTags)}");
    }

    public void Dispose() => _docker?.Dispose();
}
