using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.History;

namespace Tailpaste.HealthCheck.History;

/// <summary>The history as one run sees it.</summary>
/// <param name="Runs">Runs recorded, this one included once it is recorded.</param>
/// <param name="PreviousStatus">The status of the run before; null for the first run, or when that row's status cannot be read.</param>
/// <param name="ConsecutiveFailures">Unhealthy runs in a row, ending with this one.</param>
/// <param name="LastDispatchedAt">When recovery was last dispatched; null when never (or when that time cannot be read).</param>
public sealed record HistoryState(long Runs, OverallStatus? PreviousStatus, int ConsecutiveFailures, DateTimeOffset? LastDispatchedAt)
{
    /// <summary>What in the history could not be read, one sentence each (shown as warnings; the run goes on).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The deploy action's circuit breaker on automatic redeploys, as the same store holds it.</summary>
    public CircuitBreakerState CircuitBreaker { get; init; } = CircuitBreakerState.Closed;
}
