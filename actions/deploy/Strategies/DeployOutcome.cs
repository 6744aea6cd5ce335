namespace Tailpaste.Deploy.Strategies;

/// <summary>How a deploy ended, as the history and the report name it.</summary>
public enum DeployOutcome
{
    /// <summary>The new version serves.</summary>
    Succeeded,

    /// <summary>The new version failed a check; the previous version serves again.</summary>
    RolledBack,

    /// <summary>The new version failed and there was no previous version to serve (or putting it back failed too).</summary>
    Failed,

    /// <summary>Not attempted: the circuit breaker is open for automatic deploys.</summary>
    Refused,
}
