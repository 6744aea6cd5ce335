namespace Tailpaste.Shared.Probes.Load;

/// <summary>How one load request ended.</summary>
/// <param name="Status">The final status, or null without an answer.</param>
/// <param name="Failure">Why it failed, or <see cref="LoadFailure.None"/>.</param>
public readonly record struct LoadOutcome(int? Status, LoadFailure Failure)
{
    public bool Failed => Failure != LoadFailure.None;

    /// <summary>
    /// Whether the request's time is a latency sample: every answer and every timeout (so a hang shows in the
    /// tail); not a connection or protocol failure, which ends at once and would make a dead service look fast.
    /// </summary>
    public bool HasLatency => Failure is not (LoadFailure.Connection or LoadFailure.Protocol);
}
