using System.Globalization;
using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using Tailpaste.Deploy.Record;
using Tailpaste.TestKit;
using Tailpaste.TestKit.Runner;

namespace Tailpaste.Deploy.Tests.Support;

/// <summary>
/// One service under test: its own container name, ports on 127.0.0.1 (users, preview, two slots), data, deploy and
/// history volumes (labelled, so the fixture removes them), the inputs that deploy it there quickly (short windows),
/// and ways to look at the result — the containers, the record, the service over HTTP.
/// </summary>
public sealed class Deployment
{
    private readonly DockerEngineFixture _engine;

    private Deployment(DockerEngineFixture engine, string name, string data, string deployVolume, string historyVolume, string proxyImage)
    {
        _engine = engine;
        Name = name;
        DataVolume = data;
        DeployVolume = deployVolume;
        HistoryVolume = historyVolume;
        ProxyImage = proxyImage;
        // The action refuses a slot port equal to the proxy's or the preview's, so the four must differ.
        var ports = DockerEngineFixture.FreeLoopbackPorts(4);
        (UsersPort, PreviewPort, BluePort, GreenPort) = (ports[0], ports[1], ports[2], ports[3]);
    }

    public string Name { get; }

    public Docker.DotNet.IDockerClient EngineClient => _engine.Client;

    public string DataVolume { get; }

    public string DeployVolume { get; }

    public string HistoryVolume { get; }

    public string ProxyImage { get; }

    public int UsersPort { get; }

    public int PreviewPort { get; }

    public int BluePort { get; }

    public int GreenPort { get; }

    public Uri Url => new($"http://127.0.0.1:{UsersPort.ToString(CultureInfo.InvariantCulture)}/");

    public static async Task<Deployment> CreateAsync(DockerEngineFixture engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var proxy = await DeployImages.ProxyAsync();
        return new Deployment(
            engine,
            engine.UniqueName("tp-deploy"),
            await engine.CreateVolumeAsync("tp-data"),
            await engine.CreateVolumeAsync("tp-deploy"),
            await engine.CreateVolumeAsync("tp-history"),
            proxy);
    }

    /// <summary>Inputs for a deploy of <paramref name="image"/>; <paramref name="extra"/> overrides any of them.</summary>
    public Dictionary<string, string> Inputs(string image, string strategy = "blue-green", IReadOnlyDictionary<string, string>? extra = null)
    {
        var inputs = new Dictionary<string, string>
        {
            ["strategy"] = strategy,
            ["image"] = image,
            ["container-name"] = Name,
            ["service-url"] = Url.ToString().TrimEnd('/'),
            ["preview-port"] = PreviewPort.ToString(CultureInfo.InvariantCulture),
            ["slot-ports"] = string.Create(CultureInfo.InvariantCulture, $"{BluePort},{GreenPort}"),
            ["proxy-image"] = ProxyImage,
            ["volumes"] = $"{DataVolume}:/data",
            ["labels"] = $"{DockerEngineFixture.TestRunLabel}={_engine.TestRunId}",
            ["deploy-volume"] = DeployVolume,
            ["history-volume"] = HistoryVolume,
            ["allow-no-backup"] = "true",
            ["health-timeout"] = "90s",
            ["slo-duration"] = "1s",

            // A just-started service on a busy two-core test machine is slower than production's p95 < 500 ms.
            ["slo"] = "p(95)<3000\nrate<0.01",

            // Likewise after the cut-over: a test that does not test latency must not roll back because the machine is busy.
            ["rollback-p95-ms"] = "10000",
            ["verify-window"] = "6s",
            ["rollback-verify-window"] = "2s",
            ["drain-timeout"] = "10s",
            ["docker-host"] = _engine.DockerHost,
        };
        if (strategy == "recreate")
        {
            // The first recreate has no container to copy: the service listens on the users' port itself.
            inputs["env"] = string.Create(CultureInfo.InvariantCulture, $"LISTEN_ADDRESS=127.0.0.1\nLISTEN_PORT={UsersPort}");
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            inputs[key] = value;
        }

        return inputs;
    }

    /// <summary>Runs the action in-process as a runner step; its run and JSON report.</summary>
    public async Task<(SimulatedRun Run, JsonNode? Report)> RunAsync(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string>? variables = null, TimeSpan? limit = null)
    {
        using var runner = new SimulatedRunner("tailpaste-deploy-run-");
        var report = Path.Combine(runner.Folder, "report.json");
        var all = new Dictionary<string, string>(inputs) { ["report-path"] = report };
        using var deadline = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(4));
        var run = await runner.RunAsync(DeployAction.Definition, all, variables, cancellationToken: deadline.Token);
        return (run, File.Exists(report) ? JsonNode.Parse(await File.ReadAllTextAsync(report)) : null);
    }

    /// <summary>The containers of this service (slots, proxy, a recreate's container), by name, running or not.</summary>
    public async Task<IReadOnlyDictionary<string, ContainerListResponse>> ContainersAsync()
    {
        var all = await _engine.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"tailpaste.deploy.service={Name}"] = true } },
        });
        return all.Where(c => c.Labels != null && c.Labels.TryGetValue("tailpaste.deploy.role", out var role) && role != "helper")
            .ToDictionary(c => c.Names![0].TrimStart('/'), c => c);
    }

    /// <summary>The names of the running slot containers.</summary>
    public async Task<IReadOnlyList<string>> RunningSlotsAsync() =>
        [.. (await ContainersAsync()).Values.Where(c => c.State == "running" && c.Labels!.TryGetValue("tailpaste.deploy.role", out var role) && role == "slot").Select(c => c.Names![0].TrimStart('/')).Order()];

    public async Task<DeployRecord?> RecordAsync()
    {
        var image = await _engine.EnsureSampleImageAsync();
        await using var volume = await Record.DeployVolume.OpenAsync(_engine.Client, DeployVolume, image, _engine.Labels, CancellationToken.None);
        return await new RecordStore(volume, Name).ReadAsync(CancellationToken.None);
    }

    public Task<string> PostAsync(string content) => PasteServiceClient.PostAsync(Url, content);

    /// <summary>The paste's content, or null when the service answers 404.</summary>
    public Task<string?> GetAsync(string id) => PasteServiceClient.GetAsync(Url, id);

    /// <summary>The status of GET path on the users' URL; null when nothing answered.</summary>
    public async Task<int?> StatusAsync(string path = "readyz")
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(new Uri(Url, path));
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
