using System.Globalization;
using System.Net;
using System.Text;
using Docker.DotNet.Models;
using Tailpaste.TestKit;

namespace Tailpaste.Pipeline.Tests.Support;

/// <summary>
/// The sample service as the workflows find it on their host: a container named for this test on the host network,
/// its own data volume, and its own image tag (a labelled copy of the sample image, so a restore that moves the tag
/// and the fixture's sweep of labelled images never touch the shared one).
/// </summary>
public sealed class ServiceUnderTest
{
    private ServiceUnderTest(string name, int port)
    {
        Name = name;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public string Name { get; }

    public Uri Url { get; }

    public string UrlText => Url.ToString().TrimEnd('/');

    public static async Task<ServiceUnderTest> StartAsync(DockerEngineFixture engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var sample = await engine.EnsureSampleImageAsync();
        var name = engine.UniqueName("tailpaste-pipeline");
        var image = $"tailpaste-test/{name}:production";
        var holder = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters { Image = sample, Entrypoint = ["true"], Labels = new Dictionary<string, string>(engine.Labels) });
        try
        {
            await engine.Client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = holder.ID,
                RepositoryName = image[..image.LastIndexOf(':')],
                Tag = "production",
                Changes = [$"LABEL {DockerEngineFixture.TestRunLabel}={engine.TestRunId}", "ENTRYPOINT [\"dotnet\", \"PasteService.dll\"]"],
            });
        }
        finally
        {
            await engine.Client.Containers.RemoveContainerAsync(holder.ID, new ContainerRemoveParameters { Force = true });
        }

        var volume = await engine.CreateVolumeAsync("tailpaste-pipeline-data");
        var port = DockerEngineFixture.FreeLoopbackPort();
        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = image,
            Env = ["LISTEN_ADDRESS=127.0.0.1", $"LISTEN_PORT={port.ToString(CultureInfo.InvariantCulture)}"],
            Labels = new Dictionary<string, string>(engine.Labels),
            HostConfig = new HostConfig { NetworkMode = "host", Binds = [$"{volume}:/data"] },
        });
        await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        var service = new ServiceUnderTest(name, port);
        await engine.WaitForHttpAsync(created.ID, new Uri(service.Url, "healthz"), TimeSpan.FromSeconds(90));
        return service;
    }

    public async Task<string> PostAsync(string content)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var body = new StringContent(content, Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(Url, body);
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
