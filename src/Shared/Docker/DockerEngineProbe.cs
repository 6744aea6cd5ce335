using Docker.DotNet;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>Asks an engine for its version, within a bound, and never throws for an engine that is down.</summary>
public static class DockerEngineProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static async Task<DockerEngineStatus> ProbeAsync(DockerEndpoint endpoint, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var limit = timeout ?? DefaultTimeout;
        using var client = DockerClientFactory.Create(endpoint, limit);
        return await ProbeAsync(client, endpoint, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Probes through a client the caller already has, so a short-lived program pays for one client (and
    /// its first-call warm-up) instead of two. <paramref name="endpoint"/> is only named in the status.
    /// </summary>
    public static async Task<DockerEngineStatus> ProbeAsync(IDockerClient client, DockerEndpoint endpoint, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(endpoint);
        var limit = timeout ?? DefaultTimeout;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(limit);
        try
        {
            var version = await client.System.GetVersionAsync(bounded.Token).ConfigureAwait(false);
            return new DockerEngineStatus(endpoint, true, version.Version, version.APIVersion, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DockerEngineStatus(endpoint, false, null, null, $"no answer from {endpoint} within {limit.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return new DockerEngineStatus(endpoint, false, null, null, $"{endpoint} did not answer: {e.Message}");
        }
    }

    /// <summary>
    /// The check an action makes before it uses the engine: an engine that does not answer within
    /// <see cref="DefaultTimeout"/> is bad input, named by <paramref name="source"/> (the input or variable
    /// the address came from). <paramref name="purpose"/>, when given, says in the error what the engine is for.
    /// </summary>
    public static async Task RequireAnswerAsync(IDockerClient client, DockerEndpoint endpoint, string source, string? purpose = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var status = await ProbeAsync(client, endpoint, DefaultTimeout, cancellationToken).ConfigureAwait(false);
        if (!status.Answers)
        {
            var forWhat = purpose is null ? string.Empty : ", " + purpose;
            throw new InputException(source, endpoint.ToString(), $"a Docker engine that answers{forWhat} ({status.Error})");
        }
    }
}
