using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// A short-lived helper container an action starts next to a service, through the Engine API only, so it works
/// from inside a container action and against a remote engine: it may mount the service's volumes
/// (<see cref="SiblingContainerSpec.VolumesFrom"/>) and another volume, run to its end within a time limit, and
/// hand back its exit code and output. It is always removed: <see cref="DisposeAsync"/> removes it whatever
/// happened, and <see cref="RunOnceAsync"/> does all of it in one call. On a fresh host the image may not be
/// there yet, so a missing image is pulled once and the creation retried; when the pull fails too, the error
/// names the image and what chose it (<see cref="ImageUnavailableException"/>).
/// </summary>
public sealed class SiblingContainer : IAsyncDisposable
{
    /// <summary>Lines of output kept from one run; a helper that says more is cut, never read into memory whole.</summary>
    public const int DefaultMaxOutputLines = 10_000;

    private readonly IDockerClient _docker;
    private int _removed;

    private SiblingContainer(IDockerClient docker, string id, SiblingContainerSpec spec)
    {
        _docker = docker;
        Id = id;
        Spec = spec;
    }

    public string Id { get; }

    public SiblingContainerSpec Spec { get; }

    /// <summary>Creates the container (not started), pulling its image once when the engine lacks it.</summary>
    public static async Task<SiblingContainer> CreateAsync(IDockerClient docker, SiblingContainerSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(spec);
        var parameters = Parameters(spec);
        string id;
        try
        {
            id = (await docker.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerImageNotFoundException)
        {
            await PullAsync(docker, spec, cancellationToken).ConfigureAwait(false);
            id = (await docker.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID;
        }

        return new SiblingContainer(docker, id, spec);
    }

    /// <summary>Creates, runs to its end and removes a container; its exit code and output.</summary>
    public static async Task<SiblingContainerExit> RunOnceAsync(IDockerClient docker, SiblingContainerSpec spec, TimeSpan timeout, CancellationToken cancellationToken, int maxOutputLines = DefaultMaxOutputLines)
    {
        await using var sibling = await CreateAsync(docker, spec, cancellationToken).ConfigureAwait(false);
        return await sibling.RunAsync(timeout, cancellationToken, maxOutputLines).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the container and waits for it to end; its exit code and output. Past <paramref name="timeout"/>
    /// it is killed and a <see cref="TimeoutException"/> names the image.
    /// </summary>
    public async Task<SiblingContainerExit> RunAsync(TimeSpan timeout, CancellationToken cancellationToken, int maxOutputLines = DefaultMaxOutputLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        await _docker.Containers.StartContainerAsync(Id, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        ContainerWaitResponse exit;
        try
        {
            exit = await _docker.Containers.WaitContainerAsync(Id, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await KillQuietlyAsync().ConfigureAwait(false);
            var said = await LastOutputAsync().ConfigureAwait(false);
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"the helper container of {Spec.Image} ({Spec.ImageSource}) did not finish within {timeout.TotalSeconds:0.###} s and was stopped; its last output: {Last(said)}"));
        }

        return new SiblingContainerExit(exit.StatusCode, await ReadOutputAsync(maxOutputLines, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Removes the container (running or not); safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _removed, 1) != 0)
        {
            return;
        }

        try
        {
            await _docker.Containers.RemoveContainerAsync(Id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone.
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // The engine is already removing it.
        }
    }

    private static CreateContainerParameters Parameters(SiblingContainerSpec spec) => new()
    {
        Image = spec.Image,
        Name = spec.Name,
        Entrypoint = spec.Entrypoint?.ToList(),
        Cmd = spec.Command?.ToList(),
        Env = spec.Environment.ToList(),
        User = spec.User ?? string.Empty, // empty: the image's own user
        Labels = new Dictionary<string, string>(spec.Labels),
        HostConfig = new HostConfig
        {
            NetworkMode = spec.NetworkMode,
            VolumesFrom = spec.VolumesFrom.ToList(),
            Binds = spec.Binds.ToList(),
            CPUShares = spec.CpuShares ?? 0,

            // The output is read back through the API; an engine whose default driver keeps no readable log
            // would leave nothing to read. Bounded, so a chatty helper cannot fill the engine's disk.
            LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "1" } },
        },
    };

    private Task<IReadOnlyList<ContainerLogLine>> ReadOutputAsync(int maxLines, CancellationToken cancellationToken) =>
        ContainerLogReader.ReadAsync(_docker, Id, new ContainerLogQuery { MaxLines = maxLines }, cancellationToken);

    /// <summary>The last lines, for an error message; nothing when they cannot be read.</summary>
    private async Task<IReadOnlyList<ContainerLogLine>> LastOutputAsync()
    {
        try
        {
            return await ContainerLogReader.ReadAsync(_docker, Id, new ContainerLogQuery { Tail = 5, MaxLines = 5 }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            return [];
        }
    }

    private async Task KillQuietlyAsync()
    {
        try
        {
            await _docker.Containers.KillContainerAsync(Id, new ContainerKillParameters(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // It ended on its own meanwhile, or is gone; the removal follows either way.
        }
    }

    private static string Last(IReadOnlyList<ContainerLogLine> lines) =>
        lines.Count == 0 ? "(none)" : string.Join(" | ", lines.TakeLast(5).Select(line => line.Text));

    private static async Task PullAsync(IDockerClient docker, SiblingContainerSpec spec, CancellationToken cancellationToken)
    {
        var image = spec.Image;
        var failure = (string?)null;
        var progress = new Progress<JSONMessage>(message =>
        {
            if (!string.IsNullOrEmpty(message.Error?.Message))
            {
                failure = message.Error.Message;
            }
        });
        try
        {
            await docker.Images.CreateImageAsync(Reference(image), null, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            failure = e.ResponseBody?.Trim() is { Length: > 0 } body ? body : e.Message;
        }

        if (failure is null)
        {
            // The progress callback may still be queued; the image is the proof.
            try
            {
                await docker.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DockerApiException e)
            {
                failure = e.Message;
            }
        }

        throw new ImageUnavailableException(image, spec.ImageSource, (failure ?? "unknown error").ReplaceLineEndings(" "));
    }

    /// <summary>Splits <c>name:tag</c> (not a registry's <c>host:port</c>, not a digest) for the pull.</summary>
    private static ImagesCreateParameters Reference(string image)
    {
        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return image.Contains('@', StringComparison.Ordinal) || colon <= lastSlash
            ? new ImagesCreateParameters { FromImage = image }
            : new ImagesCreateParameters { FromImage = image[..colon], Tag = image[(colon + 1)..] };
    }
}
