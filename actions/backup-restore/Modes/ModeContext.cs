using Docker.DotNet;
using Tailpaste.BackupRestore.Engine;
using Tailpaste.BackupRestore.Helper;
using Tailpaste.BackupRestore.Reporting;
using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.BackupRestore.Modes;

/// <summary>What every mode shares: options, the runner contract, the engine, the helper, the lock and the store.</summary>
public sealed class ModeContext(BackupRestoreOptions options, ActionCore core, IDockerClient docker, TimeProvider time)
{
    /// <summary>Bound on helpers that read or write a whole database (a 1 GiB copy takes seconds; a slow disk, minutes).</summary>
    public static readonly TimeSpan LongHelperTimeout = TimeSpan.FromHours(2);

    /// <summary>Bound on helpers that read manifests or remove folders.</summary>
    public static readonly TimeSpan ShortHelperTimeout = TimeSpan.FromMinutes(10);

    private readonly DateTimeOffset _started = time.GetUtcNow();
    private HelperRunner? _helper;
    private string? _serviceName;

    public BackupRestoreOptions Options => options;

    public ActionCore Core => core;

    public IDockerClient Docker => docker;

    public TimeProvider Time => time;

    /// <summary>The service's name: it keys the store's folder and the lock, so a container given by id is known by its name once found.</summary>
    public string Service => _serviceName ?? options.ContainerName;

    /// <summary>The service's container and database; from then on the service is known by the container's own name.</summary>
    public async Task<ServiceLocation> LocateServiceAsync(CancellationToken cancellationToken)
    {
        var container = await ServiceLocation.FindContainerAsync(docker, options.ContainerName, options.Docker.Endpoint.ToString(), cancellationToken).ConfigureAwait(false);
        _serviceName = container.Name.TrimStart('/');
        return await ServiceLocation.LocateAsync(docker, container, options.StoragePath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The helper, its image resolved once (helper-image, else this container's image).</summary>
    public async Task<HelperRunner> HelperAsync(CancellationToken cancellationToken)
    {
        if (_helper is null)
        {
            var image = await HelperImageResolver.ResolveAsync(docker, options.HelperImage, options.SelfContainerIds, cancellationToken).ConfigureAwait(false);
            _helper = new HelperRunner(docker, image, options.SiblingLabels);
        }

        return _helper;
    }

    /// <summary>Takes the service's lock; held by another run is bad input naming container-name and the holder.</summary>
    public async Task<ServiceLock> LockAsync(string purpose, CancellationToken cancellationToken)
    {
        var helper = await HelperAsync(cancellationToken).ConfigureAwait(false);
        var identity = options.Identity;
        try
        {
            var held = await ServiceLock.AcquireAsync(
                docker,
                Service,
                new LockHolder(purpose, identity.Workflow, identity.RunId, identity.Actor, time.GetUtcNow()),
                helper.Image,
                HelperRunner.ImageInput,
                options.LockStaleAfter,
                options.SiblingLabels,
                cancellationToken).ConfigureAwait(false);
            if (held.BrokenStaleLock is { } stale)
            {
                core.WriteWarning($"Broke a stale lock on {Service}: {stale}.");
            }

            return held;
        }
        catch (ServiceLockHeldException e)
        {
            throw new InputException("container-name", Service, $"a service no other run is working on, but {e.Message}; wait for it, or for the lock to go stale (lock-stale-after)");
        }
    }

    public HelperMounts StoreOnly(bool readOnly) => new() { Binds = [options.Store.Bind(readOnly)] };

    public string Location(string id) => options.Store.Location(Service, id);

    public async Task<ListResult> ListAsync(CancellationToken cancellationToken)
    {
        var helper = await HelperAsync(cancellationToken).ConfigureAwait(false);
        return await helper.RunAsync<ListResult>(ListOperation.OperationName, ["--folder", BackupStore.ServiceFolder(Service)], StoreOnly(readOnly: true), ShortHelperTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The backup backup-id names, or by default the newest (with <paramref name="verifiedOnly"/>, the newest verified one that is not a safety backup); bad input when there is none.</summary>
    public static BackupManifest Choose(ListResult list, string? id, bool verifiedOnly, string store)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (id is not null)
        {
            return list.Backups.FirstOrDefault(b => b.Id == id)
                ?? throw new InputException("backup-id", id, $"a backup in {store}; {Known(list)}");
        }

        // A restore's default is the newest verified backup taken as such: a safety backup is the state a
        // restore replaced, and restoring it by default would undo the last rollback.
        return (verifiedOnly ? list.Backups.FirstOrDefault(b => b.Verified && b.Kind == BackupKinds.Backup) : list.Backups.FirstOrDefault())
            ?? throw new InputException("backup-id", string.Empty, $"a backup to work on, but {store} holds no {(verifiedOnly ? "verified " : string.Empty)}backup of this service");
    }

    /// <summary>Checksums and integrity of one backup, recorded in its manifest.</summary>
    public async Task<VerifyResult> VerifyAsync(string id, CancellationToken cancellationToken)
    {
        var helper = await HelperAsync(cancellationToken).ConfigureAwait(false);
        return await helper.RunAsync<VerifyResult>(
            VerifyOperation.OperationName,
            ["--folder", BackupStore.BackupFolder(Service, id), "--record"],
            StoreOnly(readOnly: false),
            LongHelperTimeout,
            cancellationToken,
            failureResult: true).ConfigureAwait(false);
    }

    /// <summary>A report of this run, the mode's findings still to be added.</summary>
    public BackupRestoreReport Report(bool succeeded, string message) => new()
    {
        Mode = options.Mode.ToString().ToLowerInvariant(),
        Service = Service,
        Store = options.Store.ToString(),
        StartedAt = _started,
        DurationMs = Math.Round((time.GetUtcNow() - _started).TotalMilliseconds, 1),
        Succeeded = succeeded,
        Message = message,
    };

    public static ContainerSnapshot ParseSnapshot(string? json, string id) =>
        (json is null ? null : StoreJson.Deserialize<ContainerSnapshot>(json))
        ?? throw new InvalidDataException($"backup {id} holds no readable {BackupManifest.ContainerFile}");

    private static string Known(ListResult list) => list.Backups.Count == 0
        ? "it holds no backup of this service"
        : "it holds " + string.Join(", ", list.Backups.Take(5).Select(b => b.Id)) + (list.Backups.Count > 5 ? ", …" : string.Empty);
}
