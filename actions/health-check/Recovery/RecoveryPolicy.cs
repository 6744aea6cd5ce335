using System.Globalization;
using Tailpaste.HealthCheck.History;

namespace Tailpaste.HealthCheck.Recovery;

/// <summary>When to dispatch: enough unhealthy runs in a row, and no dispatch within the cooldown (so a broken deploy cannot loop).</summary>
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

        if (state.LastDispatchedAt is { } last && now - last < options.Cooldown)
        {
            return (false, string.Create(CultureInfo.InvariantCulture, $"recovery was dispatched at {last:yyyy-MM-ddTHH:mm:ssZ}, inside the cooldown of {options.Cooldown}"));
        }

        return (true, string.Create(CultureInfo.InvariantCulture, $"{state.ConsecutiveFailures} consecutive unhealthy runs"));
    }
}
