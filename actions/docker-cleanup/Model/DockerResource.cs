using Tailpaste.Shared.Docker;

namespace Tailpaste.DockerCleanup.Model;

/// <summary>
/// One container, network, image or volume as the engine listed it, with what the cleanup rules need:
/// labels, age, size, and for containers what they hold on to.
/// </summary>
public sealed record DockerResource
{
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    public DockerResource(ResourceKind kind, string id, string name, IEnumerable<KeyValuePair<string, string>>? labels, DateTimeOffset? created, long? sizeBytes)
    {
        Kind = kind;
        Id = id;
        Name = name;
        Created = created;
        SizeBytes = sizeBytes;
        foreach (var (key, value) in labels ?? [])
        {
            _labels[key] = value;
        }
    }

    public ResourceKind Kind { get; }

    /// <summary>The engine's ID (for volumes, which have none, the name).</summary>
    public string Id { get; }

    /// <summary>Container name, first image tag (or &lt;none&gt;), network or volume name.</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, string> Labels => _labels;

    /// <summary>When the engine created it (for images: when the image was built); null when unknown.</summary>
    public DateTimeOffset? Created { get; }

    /// <summary>Bytes as the engine sized it (image size, container writable layer); null when unknown.</summary>
    public long? SizeBytes { get; }

    /// <summary>Images: every repo:tag that points at this image.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Images: untagged and not the parent of another image, what <c>docker image prune</c> removes.</summary>
    public bool IsDangling { get; init; }

    /// <summary>Containers: running, paused or restarting, that is anything but created, exited or dead.</summary>
    public bool IsRunning { get; init; }

    /// <summary>Containers: the ID of the image they were created from.</summary>
    public string? ImageId { get; init; }

    /// <summary>Containers: the named volumes they mount.</summary>
    public IReadOnlyList<string> VolumeNames { get; init; } = [];

    /// <summary>Containers: the IDs of the networks they are attached to.</summary>
    public IReadOnlyList<string> NetworkIds { get; init; } = [];

    /// <summary>The ID as <c>docker ps</c>/<c>docker images</c> print it (12 hex digits, no <c>sha256:</c>).</summary>
    public string ShortId
    {
        get
        {
            var id = Id.StartsWith("sha256:", StringComparison.Ordinal) ? Id["sha256:".Length..] : Id;
            return Kind == ResourceKind.Volumes || id.Length <= 12 ? id : id[..12];
        }
    }

    /// <summary>True when the resource carries every pair of <paramref name="selector"/>.</summary>
    public bool CarriesAll(LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return selector.Matches(_labels);
    }
}
