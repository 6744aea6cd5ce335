namespace Tailpaste.HealthCheck.Recovery;

/// <summary>How and when to dispatch the recovery workflow.</summary>
public sealed record RecoveryOptions(
    int After,
    TimeSpan Cooldown,
    string Workflow,
    string Ref,
    IReadOnlyDictionary<string, string> Inputs,
    string Owner,
    string Repository,
    string Token,
    Uri ApiUrl);
