using System.Globalization;
using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using Tailpaste.TestKit;

namespace Tailpaste.Pipeline.Tests.Support;

/// <summary>
/// The sample service as the workflows find it on their host: a container named for this test on the host network,
/// its own data volume, and its own image repository (labelled copies of the sample image, so a restore or deploy
/// that moves a tag and the fixture's sweep of labelled images never touch the shared one). It stays apart from
/// TestKit's <see cref="PasteServiceContainer"/> because the workflows need a repository of versions: a
/// <c>production</c> tag that reports 1.0.0 to roll back to, and a running tag whose image (not container) carries
/// the changes a release would, such as its version; the copies and the paste requests are TestKit's.
/// </summary>
public sealed class ServiceUnderTest
{
    private readonly DockerEngineFixture _engine;

    private ServiceUnderTest(DockerEngineFixture engine, string name, int port)
    {
        _engine = engine;
        Name = name;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public string Name { get; }

    public Uri Url { get; }

    public string UrlText => Url.ToString().TrimEnd('/');

    /// <summary>The repository of this service's images (a workflow's <c>TAILPASTE_IMAGE</c>); its <c>production</c> tag reports version 1.0.0.</summary>
    public string ImageRepository => $"tailpaste-test/{Name}";

    /// <summary>Starts the service from <c>ImageRepository:production</c>, or from <paramref name="runningTag"/> made with <paramref name="runningChanges"/> when one is given.</summary>
    public static async Task<ServiceUnderTest> StartAsync(DockerEngineFixture engine, string? runningTag = null, params string[] runningChanges)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var port = DockerEngineFixture.FreeLoopbackPort();
        var service = new ServiceUnderTest(engine, engine.UniqueName("tailpaste-pipeline"), port);
        var image = await service.ImageAsync("production", "ENV APP_VERSION=1.0.0");
        if (runningTag is not null)
        {
            image = await service.ImageAsync(runningTag, runningChanges);
        }

        var volume = await engine.CreateVolumeAsync("tailpaste-pipeline-data");
        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = service.Name,
            Image = image,
            Env = ["LISTEN_ADDRESS=127.0.0.1", $"LISTEN_PORT={port.ToString(CultureInfo.InvariantCulture)}"],
            Labels = new Dictionary<string, string>(engine.Labels),
            HostConfig = new HostConfig { NetworkMode = "host", Binds = [$"{volume}:/data"] },
        });
        await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        await engine.WaitForHttpAsync(created.ID, new Uri(service.Url, "healthz"), TimeSpan.FromSeconds(90));
        return service;
    }

    /// <summary>
    /// A copy of the sample image as <c>ImageRepository:tag</c> with Dockerfile-style <paramref name="changes"/>
    /// (such as <c>ENV APP_VERSION=2.0.0</c>), labelled for the fixture's sweep; the shared sample image is never moved.
    /// </summary>
    public async Task<string> ImageAsync(string tag, params string[] changes)
    {
        var image = $"{ImageRepository}:{tag}";
        await PasteServiceImage.CommitCopyAsync(_engine, await _engine.EnsureSampleImageAsync(), image, changes);
        return image;
    }

    /// <summary>The version GET /version reports.</summary>
    public async Task<string> VersionAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(new Uri(Url, "version"));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!.GetValue<string>();
    }

    public Task<string> PostAsync(string content) => PasteServiceClient.PostAsync(Url, content);

    /// <summary>The paste's content, or null when the service answers 404.</summary>
    public Task<string?> GetAsync(string id) => PasteServiceClient.GetAsync(Url, id);
}
