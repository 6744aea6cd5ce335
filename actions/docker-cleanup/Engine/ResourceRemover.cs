using System.Net;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Tailpaste.DockerCleanup.Model;
using Tailpaste.DockerCleanup.Selection;

namespace Tailpaste.DockerCleanup.Engine;

/// <summary>
/// Removes one resource through the Engine API and says what happened. Where the listing can be out of date in a
/// way the rules care about (a volume, removed by name; an image selected as untagged; a container to be stopped,
/// or started since it was listed), it reads the resource again immediately before the removal and judges it by
/// the cleanup rules as it is then: what became protected or stopped being selected since the listing is
/// skipped, not removed. Elsewhere the removal is the only request (see <see cref="NeedsRecheck"/>). Never throws for the engine's refusals: "not found" means someone else was faster,
/// a conflict means something still uses it, and anything else is a failure with the engine's own words.
/// </summary>
public sealed class ResourceRemover : IDisposable
{
    private const string AlreadyRemoved = "already removed by someone else";

    private readonly IDockerClient _client;
    private readonly CleanupPolicy _policy;
    private readonly uint _stopTimeoutSeconds;

    // Bounds the delete requests in flight, whatever the callers' own parallelism (stops are not bounded by it).
    private readonly SemaphoreSlim _removals;

    public ResourceRemover(IDockerClient client, CleanupPolicy policy, TimeSpan stopTimeout, int maxParallelRemovals)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
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
            if (resource.Kind != ResourceKind.Containers)
            {
                return await RemoveWithinBoundAsync(planned, recheck: NeedsRecheck(planned), cancellationToken).ConfigureAwait(false);
            }

            if (!resource.IsRunning && await TryRemoveStoppedContainerAsync(resource, cancellationToken).ConfigureAwait(false))
            {
                return planned with { Outcome = Outcome.Removed };
            }

            // Running when listed, or started since: read again, stop cleanly, then remove.
            return await StopAndRemoveAsync(planned, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return planned with { Outcome = Outcome.AlreadyGone, Reason = AlreadyRemoved };
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

    /// <summary>
    /// Whether a resource must be read again before its removal: only where what the rules judge can have changed
    /// under the key the removal uses. A volume is removed by name, and a volume recreated under that name may carry
    /// other labels. An untagged image selected as dangling may have been tagged since. Everything else is removed by
    /// an ID the engine never reuses, and the labels and creation time of an object never change: a second read
    /// could only say "gone", which the removal itself answers (404). Containers are handled by
    /// <see cref="TryRemoveStoppedContainerAsync"/>, whose refusal says "started since".
    /// </summary>
    internal static bool NeedsRecheck(ResourceOutcome planned) =>
        planned.Resource.Kind == ResourceKind.Volumes || planned.SelectedBy == SelectedBy.Dangling;

    // A container listed as stopped is removed without force, in one request: the engine refuses (409) one that
    // has been started since the listing, which then gets a clean stop instead of the kill force would give it.
    private async Task<bool> TryRemoveStoppedContainerAsync(DockerResource container, CancellationToken cancellationToken)
    {
        await _removals.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _client.Containers.RemoveContainerAsync(container.Id, new ContainerRemoveParameters { Force = false }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
        finally
        {
            _removals.Release();
        }
    }

    private async Task<ResourceOutcome> StopAndRemoveAsync(ResourceOutcome planned, CancellationToken cancellationToken)
    {
        // Checked before the stop: a container that is not to go must not be stopped either (a stopped container
        // without labels, selected as dangling, that someone started is no longer dangling). Its ID, and so its
        // labels, cannot change between the stop and the removal.
        if (await RecheckAsync(planned, cancellationToken).ConfigureAwait(false) is { } changed)
        {
            return changed;
        }

        // A clean stop first (`docker rm -f` would kill it outright); outside the removal bound, as it is mostly waiting.
        await _client.Containers.StopContainerAsync(planned.Resource.Id, new ContainerStopParameters { WaitBeforeKillSeconds = _stopTimeoutSeconds }, cancellationToken).ConfigureAwait(false);
        return await RemoveWithinBoundAsync(planned, recheck: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ResourceOutcome> RemoveWithinBoundAsync(ResourceOutcome planned, bool recheck, CancellationToken cancellationToken)
    {
        await _removals.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Inside the bound, so no wait for a slot lies between the check and the removal it allows.
            if (recheck && await RecheckAsync(planned, cancellationToken).ConfigureAwait(false) is { } changed)
            {
                return changed;
            }

            var note = await RemoveAsync(planned.Resource, cancellationToken).ConfigureAwait(false);
            return planned with { Outcome = Outcome.Removed, Reason = note };
        }
        finally
        {
            _removals.Release();
        }
    }

    // The outcome that replaces the removal when the resource is gone or changed since the listing, or null to go ahead.
    private async Task<ResourceOutcome?> RecheckAsync(ResourceOutcome planned, CancellationToken cancellationToken)
    {
        if (await ResourceInspector.InspectAsync(_client, planned.Resource, cancellationToken).ConfigureAwait(false) is not { } now)
        {
            return planned with { Outcome = Outcome.AlreadyGone, Reason = AlreadyRemoved };
        }

        return _policy.Recheck(now) is { } reason ? planned with { Outcome = Outcome.Skipped, Reason = reason } : null;
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
