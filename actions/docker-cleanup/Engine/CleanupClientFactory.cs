using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.NativeHttp;
using Microsoft.Extensions.Logging.Abstractions;
using Tailpaste.Shared.Docker;
using NativeHttpHandlers = Docker.DotNet.NativeHttp.DockerHandlerFactory;

namespace Tailpaste.DockerCleanup.Engine;

/// <summary>
/// The client docker-cleanup works with: the native HTTP transport (SocketsHttpHandler) for a unix socket as for
/// tcp, because it keeps its connections open. The shared factory's Unix transport opens a new connection for every
/// request; a cleanup makes hundreds of short requests in a row (one per removal), and each new connection costs
/// the client and the engine a connect and a new HTTP session on the 2 cores the removals need. docker-cleanup only
/// sends requests and reads answers (no attach, logs or exec streams), which this transport serves the same way.
/// </summary>
public static class CleanupClientFactory
{
    /// <summary>A client for the endpoint with the given per-request limit; the caller disposes it.</summary>
    public static DockerClient Create(DockerEndpoint endpoint, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);

        // As in the shared factory: the endpoint is chosen here, never from DOCKER_HOST or ~/.docker by the
        // library, and the API version is left to the engine.
        var options = new ClientOptions { Endpoint = endpoint.ClientUri, Timeout = timeout };
        return new DockerClientBuilder<NativeHttpTransportOptions>(NativeHttpHandlers.Instance, new NativeHttpTransportOptions(), options, NullLogger.Instance).Build();
    }
}
