using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.TestKit;

namespace Tailpaste.DockerCleanup.Tests.Support;

/// <summary>
/// The Docker resources one test creates on the shared engine. Everything carries
/// <c>tailpaste.test-run=&lt;RunId&gt;</c> unless the test asks for a resource without labels; those are
/// tracked by ID. On dispose everything left is force-removed, so the engine is as the test found it.
/// </summary>
internal sealed class Population : IAsyncDisposable
{
    public const string RuntimeDepsImage = DockerEngineSetup.RuntimeDepsImage;

    private readonly ConcurrentDictionary<(ResourceKind Kind, string Id), string> _created = new();
    private int _counter;

    public Population(DockerClient client)
    {
        Client = client;
    }

    public DockerClient Client { get; }

    /// <summary>Unique per test: the value of tailpaste.test-run on everything this population makes.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N");

    public string RunLabel => $"{DockerEngineFixture.TestRunLabel}={RunId}";

    /// <summary>Every resource created, with the name the test gave it.</summary>
    public IReadOnlyDictionary<(ResourceKind Kind, string Id), string> Created => _created;

    /// <summary>The run label plus the given key=value pairs.</summary>
    public Dictionary<string, string> Labels(params string[] pairs)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [DockerEngineFixture.TestRunLabel] = RunId };
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2);
            labels[parts[0]] = parts[1];
        }

        return labels;
    }

    public string UniqueName(string role) => $"cleanup-{role}-{RunId[..10]}-{Interlocked.Increment(ref _counter)}";

    /// <summary>Loads a one-file image; tags are made unique by prefixing the run. Returns its ID.</summary>
    public async Task<string> LoadImageAsync(string role, IReadOnlyDictionary<string, string> labels, int tagCount = 1, DateTimeOffset? created = null)
    {
        var repository = UniqueName(role);
        var tags = Enumerable.Range(1, tagCount).Select(i => $"{repository}:t{i}").ToList();
        var (tarball, id) = ImageTarball.Create(labels, tags, created ?? DateTimeOffset.UtcNow, $"{repository} {Guid.NewGuid()}");
        using var stream = new MemoryStream(tarball);
        await Client.Images.LoadImageAsync(new ImageLoadParameters { Quiet = true }, stream, new Progress<JSONMessage>()).ConfigureAwait(false);
        _created[(ResourceKind.Images, id)] = role;
        return id;
    }

    /// <summary>An image on the runtime-deps stand-in (it has /bin/sleep), so containers from it can run. Returns its ID.</summary>
    public async Task<string> BuildRunnableImageAsync(string role, IReadOnlyDictionary<string, string> labels)
    {
        var tag = UniqueName(role) + ":latest";
        // The role label keeps two builds with the same labels from sharing one cached image.
        var dockerfile = new StringBuilder($"FROM {RuntimeDepsImage}\nLABEL tailpaste.test-role=\"{tag}\"\n");
        foreach (var (key, value) in labels)
        {
            dockerfile.Append($"LABEL \"{key}\"=\"{value}\"\n");
        }

        using var context = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(context, leaveOpen: true))
        {
            var entry = new System.Formats.Tar.UstarTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "Dockerfile")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile.ToString())),
            };
            writer.WriteEntry(entry);
        }

        context.Position = 0;
        var messages = new List<string>();
        await Client.Images.BuildImageFromDockerfileAsync(
            new ImageBuildParameters { Tags = [tag], Dockerfile = "Dockerfile", Remove = true, ForceRemove = true },
            context,
            null,
            null,
            new SynchronousProgress<JSONMessage>(m => messages.Add(m.Error?.Message ?? m.Stream ?? string.Empty))).ConfigureAwait(false);
        var image = await Client.Images.InspectImageAsync(tag).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The build made no image: " + string.Join(string.Empty, messages));
        _created[(ResourceKind.Images, image.ID)] = role;
        return image.ID;
    }

    /// <summary>A created, never started container; returns its ID.</summary>
    public async Task<string> CreateContainerAsync(string role, string image, IReadOnlyDictionary<string, string> labels, string? volume = null)
    {
        var created = await Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = UniqueName(role),
            Image = image,
            Cmd = ["/id.txt"],
            Labels = new Dictionary<string, string>(labels),
            HostConfig = new HostConfig
            {
                NetworkMode = "none",
                Binds = volume is null ? null : [$"{volume}:/data"],
            },
        }).ConfigureAwait(false);
        _created[(ResourceKind.Containers, created.ID)] = role;
        return created.ID;
    }

    /// <summary>A created, never started container that runs <paramref name="command"/> once started; returns its ID.</summary>
    public async Task<string> CreateStartableContainerAsync(string role, string image, IReadOnlyDictionary<string, string> labels, IList<string> command)
    {
        var created = await Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = UniqueName(role),
            Image = image,
            Entrypoint = command,
            Labels = new Dictionary<string, string>(labels),
            HostConfig = new HostConfig { NetworkMode = "none" },
        }).ConfigureAwait(false);
        _created[(ResourceKind.Containers, created.ID)] = role;
        return created.ID;
    }

    /// <summary>
    /// A running container (no network) from a runnable image; returns its ID. By default it runs
    /// <c>sleep 300</c> as PID 1, which ignores SIGTERM, so only a kill stops it.
    /// </summary>
    public async Task<string> RunContainerAsync(string role, string image, IReadOnlyDictionary<string, string> labels, IList<string>? command = null)
    {
        var created = await Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = UniqueName(role),
            Image = image,
            Entrypoint = command ?? ["/bin/sleep", "300"],
            Labels = new Dictionary<string, string>(labels),
            HostConfig = new HostConfig { NetworkMode = "none" },
        }).ConfigureAwait(false);
        _created[(ResourceKind.Containers, created.ID)] = role;
        await Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters()).ConfigureAwait(false);
        return created.ID;
    }

    public async Task<string> CreateVolumeAsync(string role, IReadOnlyDictionary<string, string> labels)
    {
        var name = UniqueName(role);
        await Client.Volumes.CreateAsync(new VolumesCreateParameters { Name = name, Labels = new Dictionary<string, string>(labels) }).ConfigureAwait(false);
        _created[(ResourceKind.Volumes, name)] = role;
        return name;
    }

    /// <summary>
    /// A config-only network: a real network object with labels that the engine lists and removes like any
    /// other, but with no driver state, so it needs no bridge (the private engine runs with --bridge=none).
    /// </summary>
    public async Task<string> CreateNetworkAsync(string role, IReadOnlyDictionary<string, string> labels)
    {
        var created = await Client.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = UniqueName(role),
            ConfigOnly = true,
            Labels = new Dictionary<string, string>(labels),
        }).ConfigureAwait(false);
        _created[(ResourceKind.Networks, created.ID)] = role;
        return created.ID;
    }

    public async Task<bool> ExistsAsync(ResourceKind kind, string id)
    {
        try
        {
            switch (kind)
            {
                case ResourceKind.Containers:
                    await Client.Containers.InspectContainerAsync(id).ConfigureAwait(false);
                    break;
                case ResourceKind.Networks:
                    await Client.Networks.InspectNetworkAsync(id).ConfigureAwait(false);
                    break;
                case ResourceKind.Images:
                    await Client.Images.InspectImageAsync(id).ConfigureAwait(false);
                    break;
                default:
                    await Client.Volumes.InspectAsync(id).ConfigureAwait(false);
                    break;
            }

            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Which of the created resources still exist.</summary>
    public async Task<HashSet<(ResourceKind Kind, string Id)>> ExistingAsync()
    {
        var existing = new HashSet<(ResourceKind Kind, string Id)>();
        foreach (var key in _created.Keys)
        {
            if (await ExistsAsync(key.Kind, key.Id).ConfigureAwait(false))
            {
                existing.Add(key);
            }
        }

        return existing;
    }

    /// <summary>Every container, network, image and volume on the engine, by ID (volumes by name): whoever made them.</summary>
    public async Task<HashSet<(ResourceKind Kind, string Id)>> EngineInventoryAsync()
    {
        var containers = await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true }).ConfigureAwait(false);
        var networks = await Client.Networks.ListNetworksAsync(new NetworksListParameters()).ConfigureAwait(false);
        var images = await Client.Images.ListImagesAsync(new ImagesListParameters { All = true }).ConfigureAwait(false);
        var volumes = (await Client.Volumes.ListAsync(new VolumesListParameters()).ConfigureAwait(false)).Volumes ?? [];
        return containers.Select(c => (ResourceKind.Containers, c.ID))
            .Concat(networks.Select(n => (ResourceKind.Networks, n.ID)))
            .Concat(images.Select(i => (ResourceKind.Images, i.ID)))
            .Concat(volumes.Select(v => (ResourceKind.Volumes, v.Name)))
            .ToHashSet();
    }

    public async Task<bool> IsRunningAsync(string containerId) =>
        (await Client.Containers.InspectContainerAsync(containerId).ConfigureAwait(false)).State?.Running == true;

    public async ValueTask DisposeAsync()
    {
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [RunLabel] = true } };
        var containers = (await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }).ConfigureAwait(false)).Select(c => c.ID);
        foreach (var id in containers.Union(_created.Keys.Where(k => k.Kind == ResourceKind.Containers).Select(k => k.Id)))
        {
            await IgnoreMissingAsync(() => Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true })).ConfigureAwait(false);
        }

        var networks = (await Client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }).ConfigureAwait(false)).Select(n => n.ID);
        foreach (var id in networks.Union(_created.Keys.Where(k => k.Kind == ResourceKind.Networks).Select(k => k.Id)))
        {
            await IgnoreMissingAsync(() => Client.Networks.DeleteNetworkAsync(id)).ConfigureAwait(false);
        }

        var images = (await Client.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filter }).ConfigureAwait(false)).Select(i => i.ID);
        foreach (var id in images.Union(_created.Keys.Where(k => k.Kind == ResourceKind.Images).Select(k => k.Id)))
        {
            await IgnoreMissingAsync(() => Client.Images.DeleteImageAsync(id, new ImageDeleteParameters { Force = true })).ConfigureAwait(false);
        }

        var volumes = (await Client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }).ConfigureAwait(false)).Volumes ?? [];
        foreach (var name in volumes.Select(v => v.Name).Union(_created.Keys.Where(k => k.Kind == ResourceKind.Volumes).Select(k => k.Id)))
        {
            await IgnoreMissingAsync(() => Client.Volumes.RemoveAsync(name, force: true)).ConfigureAwait(false);
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
            // Already gone (the action under test removed it).
        }
    }
}
