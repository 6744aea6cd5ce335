using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.NativeHttp;
using Docker.DotNet.Unix;
using Microsoft.Extensions.Logging.Abstractions;
using NativeHttpHandlers = Docker.DotNet.NativeHttp.DockerHandlerFactory;
using UnixHandlers = Docker.DotNet.Unix.DockerHandlerFactory;

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

        // The endpoint and the transport are chosen here, never by the library: its own default reads
        // DOCKER_HOST, DOCKER_CONTEXT and ~/.docker, and picks the legacy HTTP transport for tcp://.
        // The API version is left to the engine, so one client works with Debian's 20.10 and newer engines.
        var options = new ClientOptions { Endpoint = endpoint.ClientUri, Timeout = limit };
        return endpoint.Transport == DockerTransport.Unix
            ? new DockerClientBuilder<UnixSocketTransportOptions>(
                UnixHandlers.Instance, new UnixSocketTransportOptions(), options, NullLogger.Instance).Build()
            : new DockerClientBuilder<NativeHttpTransportOptions>(
                NativeHttpHandlers.Instance, new NativeHttpTransportOptions(), options, NullLogger.Instance).Build();
    }
}
