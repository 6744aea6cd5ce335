using System.Globalization;
using Docker.DotNet.Models;

namespace Tailpaste.TestKit;

/// <summary>
/// The sample service as the actions find it on their host: a container named for this test on the host network,
/// its own data volume, and its own image tag (a labelled copy of the sample image, <see cref="PasteServiceImage"/>,
/// so a restore that moves the tag and the fixture's sweep of labelled images never touch the shared one).
/// </summary>
public sealed class PasteServiceContainer
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(90);

    private readonly DockerEngineFixture _engine;

    private PasteServiceContainer(DockerEngineFixture engine, string name, string id, string volume, string image, int port)
    {
        _engine = engine;
        Name = name;
        Id = id;
        Volume = volume;
        Image = image;
        Port = port;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public string Name { get; }

    /// <summary>The container's id when it was started (a restore creates a new one).</summary>
    public string Id { get; }

    public string Volume { get; }

    /// <summary>The production tag the container runs.</summary>
    public string Image { get; }

    public int Port { get; }

    public Uri Url { get; }

    public string UrlText => Url.ToString().TrimEnd('/');

    /// <summary>
    /// Starts the service and waits until it answers; <paramref name="extraEnv"/> adds to its environment (faults, a token),
    /// <paramref name="imageChanges"/> to its image (Dockerfile-style lines, such as another <c>VOLUME</c>).
    /// </summary>
    public static async Task<PasteServiceContainer> StartAsync(DockerEngineFixture engine, IReadOnlyDictionary<string, string>? extraEnv = null, IReadOnlyList<string>? imageChanges = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var sample = await engine.EnsureSampleImageAsync();
        var name = engine.UniqueName("tailpaste-svc");
        var image = $"tailpaste-test/{name}:prod";
        await PasteServiceImage.CommitCopyAsync(engine, sample, image, imageChanges ?? []);
        var volume = await engine.CreateVolumeAsync("tailpaste-data");
        var port = DockerEngineFixture.FreeLoopbackPort();
        var env = new List<string> { "LISTEN_ADDRESS=127.0.0.1", $"LISTEN_PORT={port.ToString(CultureInfo.InvariantCulture)}" };
        env.AddRange((extraEnv ?? new Dictionary<string, string>()).Select(p => $"{p.Key}={p.Value}"));
        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = image,
            Env = env,
            Labels = new Dictionary<string, string>(engine.Labels) { ["app"] = "tailpaste-test-service" },
            HostConfig = new HostConfig { NetworkMode = "host", Binds = [$"{volume}:/data"], RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No } },
        });
        await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        var service = new PasteServiceContainer(engine, name, created.ID, volume, image, port);
        await engine.WaitForHttpAsync(created.ID, new Uri(service.Url, "healthz"), _startTimeout);
        return service;
    }

    /// <summary>The container now named <see cref="Name"/>.</summary>
    public Task<ContainerInspectResponse> InspectAsync() => _engine.Client.Containers.InspectContainerAsync(Name);

    public Task<string> PostAsync(string content, HttpClient? client = null) => PasteServiceClient.PostAsync(Url, content, client);

    /// <summary>The paste's content, or null when the service answers 404.</summary>
    public Task<string?> GetAsync(string id) => PasteServiceClient.GetAsync(Url, id);
}
