namespace Tailpaste.Shared.Docker;

/// <summary>
/// What a short-lived helper container next to a service runs and sees. By default it has no network and no
/// mounts: every volume it reaches is named here, <see cref="VolumesFrom"/> for a service's own volumes (what
/// <c>docker run --volumes-from</c> does) and <see cref="Binds"/> for anything else (a backup volume, say).
/// </summary>
/// <param name="Image">The image to run; pulled once when the engine does not have it.</param>
public sealed record SiblingContainerSpec(string Image)
{
    /// <summary>What chose the image (usually an action input), named when the image is missing and cannot be pulled.</summary>
    public string ImageSource { get; init; } = "image";

    /// <summary>Replaces the image's entrypoint; null keeps it.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Arguments after the entrypoint; null keeps the image's CMD.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Labels the container carries, so a cleanup (or a test) can find it if this process dies.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment variables, <c>NAME=value</c>.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>Containers whose volumes this one mounts at the same paths: <c>id</c>, or <c>id:ro</c> for read-only.</summary>
    public IReadOnlyList<string> VolumesFrom { get; init; } = [];

    /// <summary>Further mounts in docker's <c>source:target[:ro]</c> form; a source without a slash is a named volume.</summary>
    public IReadOnlyList<string> Binds { get; init; } = [];

    /// <summary><c>none</c> (the default), <c>host</c>, or <c>container:&lt;id&gt;</c> to share another container's network.</summary>
    public string NetworkMode { get; init; } = "none";

    /// <summary>A fixed container name; null lets the engine choose one.</summary>
    public string? Name { get; init; }

    public string? User { get; init; }

    /// <summary>
    /// Relative CPU weight (docker's <c>--cpu-shares</c>, 1024 being a normal container's); lower lets the
    /// service go first when the two compete for the CPU. Null keeps the engine's default.
    /// </summary>
    public long? CpuShares { get; init; }
}
