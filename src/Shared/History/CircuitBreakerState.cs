namespace Tailpaste.Shared.History;

/// <summary>Whether automatic redeploys are stopped, since when, and why (as the last breaker event says).</summary>
/// <param name="IsOpen">True: automatic dispatches and automatic deploys are refused until a person resets it.</param>
/// <param name="Since">When it last opened or was reset; null when it never did.</param>
/// <param name="Reason">Why it opened, or who reset it.</param>
public sealed record CircuitBreakerState(bool IsOpen, DateTimeOffset? Since, string? Reason)
{
    public static CircuitBreakerState Closed { get; } = new(false, null, null);
}
