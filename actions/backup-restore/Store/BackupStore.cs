namespace Tailpaste.BackupRestore.Store;

/// <summary>
/// Where backups are kept: a named Docker volume (the default, reachable from a container action and on a
/// remote engine) or a folder on the engine's host (CLI use next to a local engine). Either is mounted into the
/// helper containers at <see cref="MountPoint"/>; each service has its own folder in it, one folder per backup.
/// </summary>
public sealed record BackupStore
{
    public const string MountPoint = "/tailpaste-backups";
    public const string DefaultVolume = "tailpaste-backups";

    private BackupStore(string? volume, string? hostFolder)
    {
        Volume = volume;
        HostFolder = hostFolder;
    }

    /// <summary>The volume's name; null for a host folder.</summary>
    public string? Volume { get; }

    /// <summary>The host folder's absolute path; null for a volume.</summary>
    public string? HostFolder { get; }

    public static BackupStore InVolume(string name) => new(name, null);

    public static BackupStore InHostFolder(string path) => new(null, path);

    /// <summary>The mount for a helper container, docker's <c>source:target[:ro]</c>.</summary>
    public string Bind(bool readOnly) => $"{Volume ?? HostFolder}:{MountPoint}{(readOnly ? ":ro" : string.Empty)}";

    /// <summary>Where a backup is, as people read it: <c>volume:tailpaste-backups/tailpaste/&lt;id&gt;</c> or a host path.</summary>
    public string Location(string service, string id) =>
        Volume is not null ? $"volume:{Volume}/{service}/{id}" : $"{HostFolder!.TrimEnd('/')}/{service}/{id}";

    /// <summary>The folder of one service's backups inside a helper container.</summary>
    public static string ServiceFolder(string service) => $"{MountPoint}/{service}";

    /// <summary>The folder of one backup inside a helper container.</summary>
    public static string BackupFolder(string service, string id) => $"{ServiceFolder(service)}/{id}";

    public override string ToString() => Volume is not null ? $"volume {Volume}" : $"folder {HostFolder}";
}
