namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>How bad a finding is; a fuzz run fails on any <see cref="High"/>.</summary>
public enum FuzzSeverity
{
    /// <summary>Hardening missing (a security header): worth fixing, not a break-in.</summary>
    Medium,

    /// <summary>The service broke or can be turned against its users: a 5xx, a crash or hang, a reflected payload, an injected header, a disclosed file, or no health afterwards.</summary>
    High,
}
