using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// A lock per service, kept by the engine, so it holds across runners, machines and a remote engine: a
/// container named <c>tailpaste-lock.&lt;service&gt;</c>, created but never started. Creating a container
/// with a taken name fails atomically in the engine (409), so exactly one run holds the lock; the
/// container's labels say who (<see cref="LockHolder"/>). A lock older than the stale limit is taken to be
/// left by a run that died: it is removed (by its id, so a fresh lock taken meanwhile is never touched) and
/// the lock taken once more. Releasing removes the container. Backup, restore and deploy share it.
/// </summary>
public sealed class ServiceLock : IAsyncDisposable
{
    public const string NamePrefix = "tailpaste-lock.";

    private const int MaxAttempts = 20;

    private static readonly TimeSpan _raceDelay = TimeSpan.FromMilliseconds(50);

    private readonly SiblingContainer _container;

    private ServiceLock(SiblingContainer container, string service, LockHolder holder, LockHolder? brokenStale)
    {
        _container = container;
        Service = service;
        Holder = holder;
        BrokenStaleLock = brokenStale;
    }

    public string Service { get; }

    public LockHolder Holder { get; }

    /// <summary>The holder of a stale lock this one replaced; null when the lock was free.</summary>
    public LockHolder? BrokenStaleLock { get; }

    /// <summary>The lock container's name for a service.</summary>
    public static string ContainerName(string service)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        return NamePrefix + service.TrimStart('/');
    }

    /// <summary>Takes the lock of <paramref name="service"/>, or throws <see cref="ServiceLockHeldException"/> naming the holder.</summary>
    /// <param name="image">An image the engine has (or can pull) for the lock container; it never runs.</param>
    /// <param name="imageSource">What chose the image, named if it cannot be had.</param>
    /// <param name="labels">Further labels for the lock container (a cleanup's or a test's).</param>
    public static async Task<ServiceLock> AcquireAsync(
        IDockerClient docker,
        string service,
        LockHolder holder,
        string image,
        string imageSource,
        TimeSpan staleAfter,
        IReadOnlyDictionary<string, string> labels,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(labels);
        var name = ContainerName(service);
        var all = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        foreach (var (key, value) in holder.ToLabels(service.TrimStart('/')))
        {
            all[key] = value;
        }

        var spec = new SiblingContainerSpec(image) { ImageSource = imageSource, Name = name, Entrypoint = ["true"], Labels = all };
        LockHolder? broken = null;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new ServiceLock(await SiblingContainer.CreateAsync(docker, spec, cancellationToken).ConfigureAwait(false), service, holder, broken);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // The engine reserves the name before the container can be inspected: a racing creator may be
                // invisible for a moment, or the holder may have released meanwhile (then the lock is free again).
                var held = await HolderAsync(docker, name, cancellationToken).ConfigureAwait(false);
                if (held is null)
                {
                    if (attempt < MaxAttempts)
                    {
                        await Task.Delay(_raceDelay, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    throw new ServiceLockHeldException(service, new LockHolder("unknown", "unknown", "unknown", "unknown", holder.Since), staleAfter);
                }

                var (id, current) = held.Value;
                if (broken is not null || holder.Since - current.Since < staleAfter)
                {
                    throw new ServiceLockHeldException(service, current, staleAfter);
                }

                await RemoveAsync(docker, id).ConfigureAwait(false);
                broken = current;
            }
        }
    }

    /// <summary>Who holds the lock of <paramref name="service"/>; null when it is free.</summary>
    public static async Task<LockHolder?> FindHolderAsync(IDockerClient docker, string service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        return (await HolderAsync(docker, ContainerName(service), cancellationToken).ConfigureAwait(false))?.Holder;
    }

    /// <summary>Releases the lock (removes its container).</summary>
    public ValueTask DisposeAsync() => _container.DisposeAsync();

    private static async Task<(string Id, LockHolder Holder)?> HolderAsync(IDockerClient docker, string name, CancellationToken cancellationToken)
    {
        if (await docker.Containers.InspectOrNullAsync(name, cancellationToken).ConfigureAwait(false) is not { } container)
        {
            return null;
        }

        var created = container.Created == default ? DateTimeOffset.MinValue : new DateTimeOffset(DateTime.SpecifyKind(container.Created, DateTimeKind.Utc));
        return (container.ID, LockHolder.FromLabels(container.Config?.Labels, created));
    }

    private static async Task RemoveAsync(IDockerClient docker, string id)
    {
        try
        {
            await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Another run broke the same stale lock first; the next attempt finds out who holds it now.
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // Being removed already.
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ContainerName(Service)} ({Holder})");
}
