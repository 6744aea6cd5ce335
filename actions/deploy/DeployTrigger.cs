namespace Tailpaste.Deploy;

/// <summary>Who started the deploy, which decides how the circuit breaker treats it.</summary>
public enum DeployTrigger
{
    /// <summary>Automation (a push, health-check's recover): refused while the circuit breaker is open.</summary>
    Automatic,

    /// <summary>A person: resets an open circuit breaker.</summary>
    Manual,
}
