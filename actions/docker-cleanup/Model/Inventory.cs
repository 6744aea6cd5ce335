namespace Tailpaste.DockerCleanup.Model;

/// <summary>What the engine holds, per kind, at one moment. Kinds that were not asked for are empty, except containers (their use of images, volumes and networks always matters).</summary>
public sealed record Inventory(
    IReadOnlyList<DockerResource> Containers,
    IReadOnlyList<DockerResource> Networks,
    IReadOnlyList<DockerResource> Images,
    IReadOnlyList<DockerResource> Volumes)
{
    /// <summary>When the listing began: ages (<c>older-than</c>) are measured from here.</summary>
    public DateTimeOffset ReadAt { get; init; }

    public IReadOnlyList<DockerResource> Of(ResourceKind kind) => kind switch
    {
        ResourceKind.Containers => Containers,
        ResourceKind.Networks => Networks,
        ResourceKind.Images => Images,
        ResourceKind.Volumes => Volumes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
