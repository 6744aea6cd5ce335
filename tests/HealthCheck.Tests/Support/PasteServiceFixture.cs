using System.Globalization;
using Tailpaste.TestKit;

namespace Tailpaste.HealthCheck.Tests;

/// <summary>
/// The private Docker engine plus the sample service image; starts service containers (host network, a free
/// loopback port, a labelled volume at /data) on demand. Everything is removed when the test class ends.
/// </summary>
public sealed class PasteServiceFixture : IAsyncLifetime
{
    public DockerEngineFixture Engine { get; } = new();

    public string Image { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await Engine.InitializeAsync();
        Image = await Engine.EnsureSampleImageAsync();
    }

    public Task DisposeAsync() => Engine.DisposeAsync();

    public async Task<RunningService> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = DockerEngineFixture.FreeLoopbackPort();
        var volume = await Engine.CreateVolumeAsync("health-data");
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["LISTEN_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["LISTEN_ADDRESS"] = "127.0.0.1",
        };
        var id = await Engine.RunContainerAsync(new DockerContainerSpec(Image)
        {
            Environment = variables,
            Binds = [$"{volume}:/data"],
            NamePrefix = "health-service",
        });
        var url = new Uri($"http://127.0.0.1:{port}/");
        await Engine.WaitForHttpAsync(id, new Uri(url, "/healthz"), TimeSpan.FromSeconds(60));
        return new RunningService(id, url);
    }

    /// <summary>The inputs that point the action at a running service on this engine.</summary>
    public Dictionary<string, string> InputsFor(RunningService service) => new()
    {
        ["service-url"] = service.Url.ToString().TrimEnd('/'),
        ["container-name"] = service.ContainerId,
        ["docker-host"] = Engine.DockerHost,
        ["container-labels"] = $"{DockerEngineFixture.TestRunLabel}={Engine.TestRunId}",
        ["response-timeout"] = "5",
    };
}
