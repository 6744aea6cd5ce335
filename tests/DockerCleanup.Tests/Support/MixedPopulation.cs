using Tailpaste.DockerCleanup.Model;

namespace Tailpaste.DockerCleanup.Tests.Support;

/// <summary>
/// The population the issue describes: resources labelled testing+ci (selected), production, testing only,
/// unlabelled, selected but protected; a running container; an image used by an unselected container; a
/// volume in use. Each resource has a role name, and the class knows which roles a run must remove.
/// </summary>
internal sealed class MixedPopulation
{
    public const string ProtectLabels = "environment=production\ntailpaste.keep=true";

    private readonly Dictionary<string, (ResourceKind Kind, string Id)> _roles = new(StringComparer.Ordinal);

    private MixedPopulation(Population population)
    {
        Population = population;
    }

    public Population Population { get; }

    /// <summary>The selector: the default pair plus this test's run label.</summary>
    public string Selector => $"environment=testing\nmanaged-by=ci\n{Population.RunLabel}";

    public IReadOnlyDictionary<string, (ResourceKind Kind, string Id)> Roles => _roles;

    /// <summary>The roles that carry the selector and nothing that keeps them.</summary>
    public static IReadOnlySet<string> Removable { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "container-selected", "container-running-selected", "image-selected-two-tags", "image-of-running-selected",
        "volume-selected", "network-selected",
    };

    /// <summary>The roles that carry the selector and a protected label.</summary>
    public static IReadOnlySet<string> ProtectedRoles { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "container-protected", "image-protected", "volume-protected", "network-protected",
    };

    /// <summary>The roles that carry the selector but are used by a container that stays.</summary>
    public static IReadOnlySet<string> InUseRoles { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "image-used-by-stopped", "image-used-by-running", "volume-in-use",
    };

    public (ResourceKind Kind, string Id) this[string role] => _roles[role];

    public string? RoleOf(string id) => _roles.FirstOrDefault(r => r.Value.Id == id).Key;

    public static async Task<MixedPopulation> CreateAsync(Population population)
    {
        var mixed = new MixedPopulation(population);
        var p = population;
        string[] selected = ["environment=testing", "managed-by=ci"];
        var none = new Dictionary<string, string>();

        // Images (loaded or built, each with distinct content so each has its own ID).
        var plainImage = await mixed.Add(ResourceKind.Images, "image-unlabelled", p.LoadImageAsync("image-unlabelled", none));
        await mixed.Add(ResourceKind.Images, "image-selected-two-tags", p.LoadImageAsync("image-selected", p.Labels(selected), tagCount: 2));
        await mixed.Add(ResourceKind.Images, "image-production", p.LoadImageAsync("image-production", p.Labels("environment=production", "managed-by=ci")));
        await mixed.Add(ResourceKind.Images, "image-testing-only", p.LoadImageAsync("image-testing-only", p.Labels("environment=testing")));
        await mixed.Add(ResourceKind.Images, "image-protected", p.LoadImageAsync("image-protected", p.Labels([.. selected, "tailpaste.keep=true"])));
        var usedByStopped = await mixed.Add(ResourceKind.Images, "image-used-by-stopped", p.LoadImageAsync("image-used-by-stopped", p.Labels(selected)));
        var usedByRunning = await mixed.Add(ResourceKind.Images, "image-used-by-running", p.BuildRunnableImageAsync("image-used-by-running", p.Labels(selected)));
        var ofRunningSelected = await mixed.Add(ResourceKind.Images, "image-of-running-selected", p.BuildRunnableImageAsync("image-of-running-selected", p.Labels(selected)));

        // Volumes.
        await mixed.Add(ResourceKind.Volumes, "volume-selected", p.CreateVolumeAsync("volume-selected", p.Labels(selected)));
        await mixed.Add(ResourceKind.Volumes, "volume-production", p.CreateVolumeAsync("volume-production", p.Labels("environment=production", "managed-by=ci")));
        await mixed.Add(ResourceKind.Volumes, "volume-testing-only", p.CreateVolumeAsync("volume-testing-only", p.Labels("environment=testing")));
        await mixed.Add(ResourceKind.Volumes, "volume-unlabelled", p.CreateVolumeAsync("volume-unlabelled", none));
        await mixed.Add(ResourceKind.Volumes, "volume-protected", p.CreateVolumeAsync("volume-protected", p.Labels([.. selected, "tailpaste.keep=true"])));
        var inUse = await mixed.Add(ResourceKind.Volumes, "volume-in-use", p.CreateVolumeAsync("volume-in-use", p.Labels(selected)));

        // Networks (config-only: no bridge on this engine).
        await mixed.Add(ResourceKind.Networks, "network-selected", p.CreateNetworkAsync("network-selected", p.Labels(selected)));
        await mixed.Add(ResourceKind.Networks, "network-production", p.CreateNetworkAsync("network-production", p.Labels("environment=production", "managed-by=ci")));
        await mixed.Add(ResourceKind.Networks, "network-testing-only", p.CreateNetworkAsync("network-testing-only", p.Labels("environment=testing")));
        await mixed.Add(ResourceKind.Networks, "network-unlabelled", p.CreateNetworkAsync("network-unlabelled", none));
        await mixed.Add(ResourceKind.Networks, "network-protected", p.CreateNetworkAsync("network-protected", p.Labels([.. selected, "tailpaste.keep=true"])));

        // Containers. A container inherits its image's labels, so the unselected users of selected images
        // override environment to step out of the selector.
        await mixed.Add(ResourceKind.Containers, "container-selected", p.CreateContainerAsync("container-selected", plainImage, p.Labels(selected)));
        await mixed.Add(ResourceKind.Containers, "container-production", p.CreateContainerAsync("container-production", plainImage, p.Labels("environment=production", "managed-by=ci")));
        await mixed.Add(ResourceKind.Containers, "container-testing-only", p.CreateContainerAsync("container-testing-only", plainImage, p.Labels("environment=testing")));
        await mixed.Add(ResourceKind.Containers, "container-unlabelled", p.CreateContainerAsync("container-unlabelled", plainImage, none));
        await mixed.Add(ResourceKind.Containers, "container-protected", p.CreateContainerAsync("container-protected", plainImage, p.Labels([.. selected, "tailpaste.keep=true"])));
        await mixed.Add(ResourceKind.Containers, "container-user-of-image", p.CreateContainerAsync("container-user-of-image", usedByStopped, p.Labels("environment=staging")));
        await mixed.Add(ResourceKind.Containers, "container-volume-user", p.CreateContainerAsync("container-volume-user", plainImage, p.Labels("environment=staging"), volume: inUse));
        await mixed.Add(ResourceKind.Containers, "container-running-unselected", p.RunContainerAsync("container-running-unselected", usedByRunning, p.Labels("environment=staging")));
        await mixed.Add(ResourceKind.Containers, "container-running-selected", p.RunContainerAsync("container-running-selected", ofRunningSelected, p.Labels(selected)));
        return mixed;
    }

    /// <summary>The inputs of a run over this population (prune-dangling off: it would reach beyond the test).</summary>
    public Dictionary<string, string> Inputs(params (string Name, string Value)[] extra)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["labels"] = Selector,
            ["protect-labels"] = ProtectLabels,
            ["prune-dangling"] = "false",
            ["stop-timeout"] = "1",
        };
        foreach (var (name, value) in extra)
        {
            inputs[name] = value;
        }

        return inputs;
    }

    private async Task<string> Add(ResourceKind kind, string role, Task<string> create)
    {
        var id = await create.ConfigureAwait(false);
        _roles[role] = (kind, id);
        return id;
    }
}
