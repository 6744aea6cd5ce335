using System.Net;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;

namespace Tailpaste.DockerCleanup.Engine;

/// <summary>
/// Removes one resource through the Engine API and says what happened. Never throws for the engine's
/// refusals: "not found" means someone else was faster, a conflict means something still uses it, and
/// anything else is a failure with the engine's own words.
/// </summary>
public sealed class ResourceRemover : IDisposable
{
    private readonly IDockerClient _client;
    private readonly uint _stopTimeoutSeconds;

    // Bounds the delete requests in flight, whatever the callers' own parallelism (stops are not bounded by it).
    private readonly SemaphoreSlim _removals;

    public ResourceRemover(IDockerClient client, TimeSpan stopTimeout, int maxParallelRemovals)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelRemovals, 1);
        _stopTimeoutSeconds = (uint)Math.Ceiling(Math.Max(0, stopTimeout.TotalSeconds));
        _removals = new SemaphoreSlim(maxParallelRemovals, maxParallelRemovals);
    }

    public void Dispose() => _removals.Dispose();

    public async Task<ResourceOutcome> RemoveAsync(ResourceOutcome planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var resource = planned.Resource;
        try
        {
            if (resource.Kind == ResourceKind.Containers && resource.IsRunning)
            {
                // A clean stop first (`docker rm -f` would kill it outright); outside the removal bound, as it is mostly waiting.
                await _client.Containers.StopContainerAsync(resource.Id, new ContainerStopParameters { WaitBeforeKillSeconds = _stopTimeoutSeconds }, cancellationToken).ConfigureAwait(false);
            }

            string? note;
            await _removals.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                note = await RemoveAsync(resource, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _removals.Release();
            }

            return planned with { Outcome = Outcome.Removed, Reason = note };
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return planned with { Outcome = Outcome.AlreadyGone, Reason = "already removed by someone else" };
        }
        catch (DockerApiException e) when (IsInUse(resource.Kind, e.StatusCode))
        {
            return planned with { Outcome = Outcome.InUse, Reason = "the engine refused: " + EngineMessage(e) };
        }
        catch (DockerApiException e)
        {
            return planned with { Outcome = Outcome.Failed, Reason = $"the engine answered {(int)e.StatusCode}: {EngineMessage(e)}" };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return planned with { Outcome = Outcome.Failed, Reason = $"no answer from the engine: {e.Message}" };
        }
    }

    // Returns a note worth keeping (the tags that went with an image), or null.
    private async Task<string?> RemoveAsync(DockerResource resource, CancellationToken cancellationToken)
    {
        switch (resource.Kind)
        {
            case ResourceKind.Containers:
                // Force: a container that restarted (or was started) since its stop goes all the same.
                await _client.Containers.RemoveContainerAsync(resource.Id, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
                return null;
            case ResourceKind.Networks:
                await _client.Networks.DeleteNetworkAsync(resource.Id, cancellationToken).ConfigureAwait(false);
                return null;
            case ResourceKind.Images:
                // By ID, once. Several tags need force to go in one call; force never overrides a running
                // container or a child image, and the planner has already kept images that stopped containers use.
                var answer = await _client.Images.DeleteImageAsync(resource.Id, new ImageDeleteParameters { Force = resource.Tags.Count > 1 }, cancellationToken).ConfigureAwait(false);
                var untagged = answer.SelectMany(d => d).Where(d => d.Key == "Untagged").Select(d => d.Value).Order(StringComparer.Ordinal).ToList();
                return untagged.Count == 0 ? null : "untagged " + string.Join(", ", untagged);
            case ResourceKind.Volumes:
                await _client.Volumes.RemoveAsync(resource.Id, force: false, cancellationToken).ConfigureAwait(false);
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(resource), resource.Kind, null);
        }
    }

    // 409 for images and volumes still referenced; 403 for a network with active endpoints (engine 20.10).
    private static bool IsInUse(ResourceKind kind, HttpStatusCode status) =>
        kind != ResourceKind.Containers && (status == HttpStatusCode.Conflict || (kind == ResourceKind.Networks && status == HttpStatusCode.Forbidden));

    private static string EngineMessage(DockerApiException e)
    {
        try
        {
            using var json = JsonDocument.Parse(e.ResponseBody ?? string.Empty);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message) && message.GetString() is { } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw body.
        }

        return string.IsNullOrWhiteSpace(e.ResponseBody) ? e.Message : e.ResponseBody.Trim();
    }
}
