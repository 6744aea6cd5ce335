namespace Tailpaste.BackupRestore.Engine;

/// <summary>What one helper container sees: the service's volumes (read-only or not), further binds, its network.</summary>
public sealed record HelperMounts
{
    public IReadOnlyList<string> VolumesFrom { get; init; } = [];

    public IReadOnlyList<string> Binds { get; init; } = [];

    public string NetworkMode { get; init; } = "none";
}
