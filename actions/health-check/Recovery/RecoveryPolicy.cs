using System.Globalization;
using Tailpaste.HealthCheck.History;

namespace Tailpaste.HealthCheck.Recovery;

/// <summary>
/// When to dispatch: enough unhealthy runs in a row, no dispatch within the cooldown, and the deploy action's
/// circuit breaker closed (so a broken deploy cannot loop).
/// </summary>
public static class RecoveryPolicy
{
    public static (bool Dispatch, string Reason) Decide(RecoveryOptions options, HistoryState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        if (state.ConsecutiveFailures < options.After)
        {
            return (false, string.Create(CultureInfo.InvariantCulture, $"{state.ConsecutiveFailures} consecutive unhealthy runs, recovery after {options.After}"));
        }

        if (state.CircuitBreaker is { IsOpen: true } breaker)
        {
            return (false, string.Create(CultureInfo.InvariantCulture, $"the deploy circuit breaker is open{(breaker.Since is { } since ? $" since {since:yyyy-MM-ddTHH:mm:ssZ}" : string.Empty)} ({breaker.Reason ?? "no reason recorded"}); a manual deploy run resets it"));
        }

        if (state.LastDispatchedAt is { } last && now - last < options.Cooldown)
        {
            return (false, string.Create(CultureInfo.InvariantCulture, $"recovery was dispatched at {last:yyyy-MM-ddTHH:mm:ssZ}, inside the cooldown of {options.Cooldown}"));
        }

        return (true, string.Create(CultureInfo.InvariantCulture, $"{state.ConsecutiveFailures} consecutive unhealthy runs"));
    }
}
