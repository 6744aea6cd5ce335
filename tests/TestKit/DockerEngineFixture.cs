using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.Shared.Docker;
using Xunit;

namespace Tailpaste.TestKit;

/// <summary>
/// A real Docker engine for a test class (<c>IClassFixture&lt;DockerEngineFixture&gt;</c>): the one
/// <c>DOCKER_HOST</c> names, or the private engine eng/docker-engine.sh starts. Everything it creates
/// carries <c>tailpaste.test-run=&lt;guid&gt;</c> and is removed on dispose, so parallel test
/// assemblies sharing the engine never see or delete each other's containers.
/// </summary>
public sealed class DockerEngineFixture : IAsyncLifetime
{
    public const string TestRunLabel = "tailpaste.test-run";

    private readonly ConcurrentDictionary<string, byte> _containers = new();
    private readonly ConcurrentDictionary<string, byte> _volumes = new();
    private int _nameCounter;
    private DockerClient? _client;

    /// <summary>Unique per fixture instance; the value of <see cref="TestRunLabel"/>.</summary>
    public string TestRunId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The engine's address in <c>DOCKER_HOST</c> form, to hand to CLIs and actions under test.</summary>
    public string DockerHost { get; private set; } = string.Empty;

    public DockerEndpoint Endpoint => DockerEndpoint.Parse(DockerHost);

    public DockerClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    /// <summary>The labels every resource of this fixture carries.</summary>
    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [TestRunLabel] = TestRunId };

    public async Task InitializeAsync()
    {
        DockerHost = await DockerEngineSetup.DockerHostAsync().ConfigureAwait(false);
        _client = DockerClientFactory.Create(Endpoint);
    }

    /// <summary>A name no other fixture or test run uses.</summary>
    public string UniqueName(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{TestRunId[..12]}-{Interlocked.Increment(ref _nameCounter)}");

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago: for a server (or a <c>--network host</c> container) to listen on, or a closed port for a client to fail against.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Distinct free loopback ports: each is held until all are chosen, so the kernel cannot hand one out twice.</summary>
    public static int[] FreeLoopbackPorts(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(listener => listener.Dispose());
        }
    }

    /// <summary>Builds the sample service's image when its sources changed; returns the image name.</summary>
    public Task<string> EnsureSampleImageAsync() => DockerEngineSetup.SampleImageAsync();

    /// <summary>Builds the actions image from the root Dockerfile when its sources changed; returns its name.</summary>
    public Task<string> EnsureActionsImageAsync() => DockerEngineSetup.ActionsImageAsync();

    /// <summary>Creates and starts a container; returns its id. It is removed on dispose.</summary>
    public async Task<string> RunContainerAsync(DockerContainerSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.NetworkMode is not ("host" or "none"))
        {
            throw new ArgumentException($"NetworkMode '{spec.NetworkMode}': expected host or none (the engine has no bridge).", nameof(spec));
        }

        var labels = new Dictionary<string, string>(spec.Labels) { [TestRunLabel] = TestRunId };
        var created = await Client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Name = UniqueName(spec.NamePrefix),
                Image = spec.Image,
                Cmd = spec.Command?.ToList(),
                Entrypoint = spec.Entrypoint?.ToList(),
                Env = spec.Environment.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
                Labels = labels,
                // Null leaves the image's own setting (the client's annotations say non-null; the API allows leaving them out).
                User = spec.User!,
                WorkingDir = spec.WorkingDirectory!,
                HostConfig = new HostConfig
                {
                    NetworkMode = spec.NetworkMode,
                    Binds = spec.Binds.ToList(),
                    LogConfig = spec.LogDriver is null ? null! : new LogConfig { Type = spec.LogDriver },
                },
            },
            cancellationToken).ConfigureAwait(false);
        _containers[created.ID] = 0;
        await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        return created.ID;
    }

    /// <summary>Creates a named volume (removed on dispose); returns its name.</summary>
    public async Task<string> CreateVolumeAsync(string prefix = "tailpaste-test", CancellationToken cancellationToken = default)
    {
        var name = UniqueName(prefix);
        var labels = new Dictionary<string, string> { [TestRunLabel] = TestRunId };
        await Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = labels }, cancellationToken).ConfigureAwait(false);
        _volumes[name] = 0;
        return name;
    }

    /// <summary>Waits for the container to exit; returns its exit code.</summary>
    public async Task<long> WaitForExitAsync(string containerId, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var result = await Client.Containers.WaitContainerAsync(containerId, deadline.Token).ConfigureAwait(false);
            return result.StatusCode;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Container {containerId} still runs after {timeout}. Its log:\n{await LogTextAsync(containerId).ConfigureAwait(false)}");
        }
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 200, failing early (with the container's log)
    /// when the container exits, and after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForHttpAsync(string containerId, Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        string? lastProblem = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var state = (await Client.Containers.InspectContainerAsync(containerId).ConfigureAwait(false)).State;
            if (state is not { Running: true })
            {
                throw new InvalidOperationException($"Container {containerId} exited with code {state?.ExitCode} before {url} answered. Its log:\n{await LogTextAsync(containerId).ConfigureAwait(false)}");
            }

            try
            {
                using var response = await http.GetAsync(url).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastProblem = $"status {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                lastProblem = e.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }

        throw new TimeoutException($"{url} did not answer 200 within {timeout} (last: {lastProblem}). Container log:\n{await LogTextAsync(containerId).ConfigureAwait(false)}");
    }

    /// <summary>The container's log, split into stdout and stderr lines through the Engine API.</summary>
    public Task<IReadOnlyList<ContainerLogLine>> ReadLogsAsync(string containerId, ContainerLogQuery? query = null, CancellationToken cancellationToken = default) =>
        ContainerLogReader.ReadAsync(Client, containerId, query, cancellationToken);

    public async Task DisposeAsync()
    {
        if (_client is null)
        {
            return;
        }

        // Also sweep what code under test created with our label (an action starting sibling containers).
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{TestRunLabel}={TestRunId}"] = true } };
        var labelled = await _client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }).ConfigureAwait(false);
        foreach (var id in _containers.Keys.Union(labelled.Select(c => c.ID)))
        {
            await IgnoreMissingAsync(() => _client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true })).ConfigureAwait(false);
        }

        var volumes = await _client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }).ConfigureAwait(false);
        foreach (var name in _volumes.Keys.Union((volumes.Volumes ?? []).Select(v => v.Name)))
        {
            await IgnoreMissingAsync(() => _client.Volumes.RemoveAsync(name, force: true)).ConfigureAwait(false);
        }

        var images = await _client.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter }).ConfigureAwait(false);
        foreach (var image in images)
        {
            await IgnoreMissingAsync(() => _client.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true })).ConfigureAwait(false);
        }

        _client.Dispose();
        _client = null;
    }

    private async Task<string> LogTextAsync(string containerId)
    {
        try
        {
            var lines = await ReadLogsAsync(containerId, new ContainerLogQuery { Tail = 200 }).ConfigureAwait(false);
            return string.Join('\n', lines.Select(l => $"[{l.Stream}] {l.Text}"));
        }
        catch (DockerApiException e)
        {
            return $"(log unavailable: {e.Message})";
        }
    }

    private static async Task IgnoreMissingAsync(Func<Task> remove)
    {
        try
        {
            await remove().ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // Already gone, or being removed by the engine (AutoRemove).
        }
    }
}
