using Tailpaste.Shared.Docker;

namespace Tailpaste.TestKit;

/// <summary>
/// Brings the engine, the stand-in base images and the sample image up once per test process.
/// The scripts hold file locks, so test assemblies running side by side share the work safely.
/// </summary>
public static class DockerEngineSetup
{
    /// <summary>
    /// The tag of this checkout's images: <c>TAILPASTE_IMAGE_TAG</c> (as eng/lib/common.sh reads it), else <c>dev</c>.
    /// Two checkouts sharing one engine set different tags, so neither tests the other's build.
    /// </summary>
    public static string ImageTag =>
        Environment.GetEnvironmentVariable("TAILPASTE_IMAGE_TAG") is { Length: > 0 } tag ? tag : "dev";

    /// <summary>The sample service's image, as eng/sample-image.sh tags it.</summary>
    public static readonly string SampleImage = "tailpaste/paste-service:" + ImageTag;

    /// <summary>The image every action.yml builds (the root Dockerfile), as eng/action-image.sh tags it.</summary>
    public static readonly string ActionsImage = "tailpaste/actions:" + ImageTag;

    /// <summary>The smallest stand-in base image (Debian minbase with bash): handy for tiny test containers.</summary>
    public const string RuntimeDepsImage = "mcr.microsoft.com/dotnet/runtime-deps:10.0";

    private static readonly TimeSpan _engineStartTimeout = TimeSpan.FromMinutes(3);

    // Cold: debootstrap plus three images; later runs take a second.
    private static readonly TimeSpan _imageBuildTimeout = TimeSpan.FromMinutes(20);

    private static readonly Lazy<Task<string>> _dockerHost = new(StartEngineAsync);
    private static readonly Lazy<Task<string>> _sampleImage = new(BuildSampleImageAsync);
    private static readonly Lazy<Task<string>> _actionsImage = new(BuildActionsImageAsync);

    /// <summary>The <c>DOCKER_HOST</c> every test uses: the environment's when set, else the private engine's.</summary>
    public static Task<string> DockerHostAsync() => _dockerHost.Value;

    /// <summary>Builds <see cref="SampleImage"/> when its sources changed; returns its name.</summary>
    public static Task<string> SampleImageAsync() => _sampleImage.Value;

    /// <summary>Builds <see cref="ActionsImage"/> when its sources changed; returns its name.</summary>
    public static Task<string> ActionsImageAsync() => _actionsImage.Value;

    private static async Task<string> StartEngineAsync()
    {
        var configured = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // The test command already ran eng/docker-engine.sh and eng/base-images.sh; trust it, but check.
            var endpoint = DockerEndpoint.Parse(configured);
            var status = await DockerEngineProbe.ProbeAsync(endpoint).ConfigureAwait(false);
            return status.Answers
                ? endpoint.ToString()
                : throw new InvalidOperationException($"DOCKER_HOST={configured} does not answer ({status.Error}). Start it with: eval \"$(eng/docker-engine.sh start)\"");
        }

        var output = await DockerScript.RunAsync("docker-engine.sh", ["start"], new Dictionary<string, string?>(), _engineStartTimeout).ConfigureAwait(false);
        const string Prefix = "export DOCKER_HOST=";
        var line = output.Split('\n', StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"eng/docker-engine.sh start printed no '{Prefix}...' line; it printed: {output}");
        var host = line[Prefix.Length..];
        await DockerScript.RunAsync("base-images.sh", [], ScriptEnvironment(host), _imageBuildTimeout).ConfigureAwait(false);
        return host;
    }

    private static async Task<string> BuildSampleImageAsync()
    {
        var host = await DockerHostAsync().ConfigureAwait(false);
        await DockerScript.RunAsync("sample-image.sh", [], ScriptEnvironment(host), _imageBuildTimeout).ConfigureAwait(false);
        return SampleImage;
    }

    private static async Task<string> BuildActionsImageAsync()
    {
        var host = await DockerHostAsync().ConfigureAwait(false);
        await DockerScript.RunAsync("action-image.sh", [], ScriptEnvironment(host), _imageBuildTimeout).ConfigureAwait(false);
        return ActionsImage;
    }

    private static Dictionary<string, string?> ScriptEnvironment(string host) => new() { ["DOCKER_HOST"] = host };
}
