namespace Tailpaste.HealthCheck.Reporting;

/// <summary>Whether a state-change message was sent, to which kinds of target, and what went wrong with the others.</summary>
public sealed record NotificationReport(bool Sent, string Reason, IReadOnlyList<string> Targets)
{
    /// <summary>One sentence per target that did not take the message (refused, unreachable, redirected elsewhere).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
