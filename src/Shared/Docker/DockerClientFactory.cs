using Docker.DotNet;

namespace Tailpaste.Shared.Docker;

/// <summary>Creates Docker.DotNet clients for an <see cref="DockerEndpoint"/>.</summary>
public static class DockerClientFactory
{
    /// <summary>
    /// Per-request limit for ordinary API calls. Streams (logs, attach, builds) are not bound by it.
    /// Long enough for a container stop with its 10 s grace period on a busy 2-core runner,
    /// short enough that a dead remote engine fails a job quickly.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A client for the endpoint; the caller disposes it.</summary>
    public static DockerClient Create(DockerEndpoint endpoint, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var limit = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));

        // The API version is left to the engine, so one client works with Debian's 20.10 and newer engines.
        return new DockerClientConfiguration(endpoint.ClientUri, defaultTimeout: limit).CreateClient();
    }
}
