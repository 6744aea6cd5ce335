using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.Http;

namespace Tailpaste.HealthCheck.Checks;

/// <summary>
/// What checks share during one run: the options, an HTTP probe, and the Docker engine with the service
/// container looked up once. The Docker client is created only when a check needs it.
/// </summary>
public sealed class CheckContext : IDisposable
{
    private readonly Lazy<DockerClient> _docker;
    private Task<ContainerInspectResponse?>? _serviceContainer;

    public CheckContext(HealthCheckOptions options, HttpProbe probe, TimeProvider time)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Probe = probe ?? throw new ArgumentNullException(nameof(probe));
        Time = time ?? throw new ArgumentNullException(nameof(time));
        _docker = new Lazy<DockerClient>(() => DockerClientFactory.Create(options.Docker.Endpoint, TimeSpan.FromSeconds(30)));
    }

    public HealthCheckOptions Options { get; }

    public HttpProbe Probe { get; }

    public TimeProvider Time { get; }

    public IDockerClient Docker => _docker.Value;

    /// <summary>The service container's inspection, or null when no container has that name.</summary>
    public Task<ContainerInspectResponse?> ServiceContainerAsync(CancellationToken cancellationToken) =>
        _serviceContainer ??= Docker.Containers.InspectOrNullAsync(Options.ContainerName, cancellationToken);

    /// <summary>The service container, or an exception whose message says it is missing.</summary>
    public async Task<ContainerInspectResponse> RequireServiceContainerAsync(CancellationToken cancellationToken) =>
        await ServiceContainerAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ServiceContainerMissingException($"no container named '{Options.ContainerName}' on {Options.Docker.Endpoint}");

    public void Dispose()
    {
        if (_docker.IsValueCreated)
        {
            _docker.Value.Dispose();
        }
    }

}
