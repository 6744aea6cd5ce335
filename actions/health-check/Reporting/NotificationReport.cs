namespace Tailpaste.HealthCheck.Reporting;

/// <summary>Whether a state-change message was sent, and to which kinds of target.</summary>
public sealed record NotificationReport(bool Sent, string Reason, IReadOnlyList<string> Targets);
