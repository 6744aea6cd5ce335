namespace Tailpaste.HealthCheck.Checks;

/// <summary>The names the <c>checks</c> input accepts, and which of them make the service unhealthy when they fail.</summary>
public static class CheckNames
{
    public const string Service = "service";
    public const string Functionality = "functionality";
    public const string Container = "container";
    public const string Database = "database";
    public const string Logs = "logs";
    public const string Disk = "disk";
    public const string Tailscale = "tailscale";
    public const string Smoke = "smoke";
    public const string Fuzz = "fuzz";
    public const string Slo = "slo";

    /// <summary>
    /// Every known check, in the order they run and are reported: smoke and fuzz first, so the service check
    /// that follows proves the service survived fuzz's hostile requests; slo last, so its load does not slow
    /// the others' measurements.
    /// </summary>
    public static IReadOnlyList<string> All { get; } = [Smoke, Fuzz, Service, Functionality, Container, Database, Logs, Disk, Tailscale, Slo];

    /// <summary>The probes (they send many requests, some hostile): run only when named in the checks input.</summary>
    public static IReadOnlySet<string> Probes { get; } = new HashSet<string>(StringComparer.Ordinal) { Smoke, Fuzz, Slo };

    /// <summary>
    /// The seed's rule: a failure of one of these makes the service unhealthy, of any other only degraded.
    /// Smoke is the functionality check in full, so it counts as critical; fuzz and slo find a service that
    /// works but is unsafe or slow: degraded.
    /// </summary>
    public static IReadOnlySet<string> Critical { get; } = new HashSet<string>(StringComparer.Ordinal) { Service, Functionality, Container, Smoke };
}
