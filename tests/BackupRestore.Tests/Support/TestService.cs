using System.Globalization;
using System.Net;
using System.Text;
using Docker.DotNet.Models;
using Tailpaste.TestKit;

namespace Tailpaste.BackupRestore.Tests.Support;

/// <summary>
/// The sample service in a container named for this test, on its own data volume and its own image tag (a
/// committed copy of the sample image carrying the test-run label, so a restore that moves the tag, and the
/// fixture that removes labelled images, never touch the shared sample image).
/// </summary>
public sealed class TestService
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(90);

    private readonly DockerEngineFixture _engine;

    private TestService(DockerEngineFixture engine, string name, string id, string volume, string image, int port)
    {
        _engine = engine;
        Name = name;
        Id = id;
        Volume = volume;
        Image = image;
        Port = port;
        Url = new Uri($"http://127.0.0.1:{port}/");
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

    public static async Task<TestService> StartAsync(DockerEngineFixture engine, IReadOnlyDictionary<string, string>? extraEnv = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var sample = await engine.EnsureSampleImageAsync();
        var name = engine.UniqueName("tailpaste-svc");
        var image = $"tailpaste-test/{name}:prod";
        await CommitImageAsync(engine, sample, image, []);
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
        var service = new TestService(engine, name, created.ID, volume, image, port);
        await engine.WaitForHttpAsync(created.ID, new Uri(service.Url, "healthz"), _startTimeout);
        return service;
    }

    /// <summary>A copy of <paramref name="source"/> under <paramref name="tag"/> with Dockerfile-style changes, labelled for the fixture's cleanup.</summary>
    public static async Task<string> CommitImageAsync(DockerEngineFixture engine, string source, string tag, IReadOnlyList<string> changes)
    {
        ArgumentNullException.ThrowIfNull(engine);
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
            await engine.Client.Containers.RemoveContainerAsync(holder.ID, new ContainerRemoveParameters { Force = true });
        }
    }

    /// <summary>The container now named <see cref="Name"/>.</summary>
    public Task<ContainerInspectResponse> InspectAsync() => _engine.Client.Containers.InspectContainerAsync(Name);

    public async Task<string> PostAsync(string content, HttpClient? client = null)
    {
        using var own = client is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(30) } : null;
        using var body = new StringContent(content, Encoding.UTF8, "text/plain");
        using var response = await (client ?? own!).PostAsync(Url, body);
        response.EnsureSuccessStatusCode();
        var link = (await response.Content.ReadAsStringAsync()).Trim();
        return link[(link.LastIndexOf('/') + 1)..];
    }

    /// <summary>The paste's content, or null when the service answers 404.</summary>
    public async Task<string?> GetAsync(string id)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(new Uri(Url, id));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
