using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.TestKit.Runner;

/// <summary>
/// The image a release ships for one action, built by eng/release-images.sh (the root Dockerfile's per-action
/// target, Native AOT where the action allows it) under a name of this checkout, not pushed anywhere; removed
/// on dispose. Run it with <see cref="ContainerActionRunner.RunImageAsync"/>, as the runner runs a
/// <c>docker://</c> action. BuildKit's cache keeps a rebuild of unchanged sources short.
/// </summary>
public sealed class ReleasedActionImage : IAsyncDisposable
{
    // A cold Native AOT build of the action's stages on two loaded cores.
    private static readonly TimeSpan _buildTimeout = TimeSpan.FromMinutes(45);

    private readonly DockerEngineFixture _engine;

    private ReleasedActionImage(DockerEngineFixture engine, string reference)
    {
        _engine = engine;
        Reference = reference;
    }

    /// <summary>The image's name, such as localhost/tailpaste-test-dev/tailpaste-health-check:0.0.0.</summary>
    public string Reference { get; }

    public static async Task<ReleasedActionImage> BuildAsync(DockerEngineFixture engine, string action)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var printed = await DockerScript.RunAsync(
            "release-images.sh",
            ["--registry", "localhost", "--owner", "tailpaste-test-" + DockerEngineSetup.ImageTag, "--version", "0.0.0", action],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = engine.DockerHost },
            _buildTimeout);
        return new ReleasedActionImage(engine, printed.Trim().Split('\n')[^1]);
    }

    /// <summary>Whether the image holds the action as a native binary alone: no .dll beside it and no .NET runtime.</summary>
    public async Task<bool> IsNativeAotAsync(string action)
    {
        var id = await _engine.RunContainerAsync(new DockerContainerSpec(Reference)
        {
            Entrypoint = ["bash", "-c", $"test -x /app/{action}/{action} && test ! -e /app/{action}/{action}.dll && test ! -e /usr/share/dotnet"],
            NetworkMode = "none",
            NamePrefix = "released-shape",
        });
        return await _engine.WaitForExitAsync(id, TimeSpan.FromMinutes(1)) == 0;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _engine.Client.Images.DeleteImageAsync(Reference, new ImageDeleteParameters { Force = true });
        }
        catch (DockerImageNotFoundException)
        {
            // Already gone.
        }
    }
}
