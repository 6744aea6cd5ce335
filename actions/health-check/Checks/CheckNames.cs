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

    /// <summary>Every known check, in the order they run and are reported.</summary>
    public static IReadOnlyList<string> All { get; } = [Service, Functionality, Container, Database, Logs, Disk, Tailscale];

    /// <summary>The seed's rule: a failure of one of these makes the service unhealthy, of any other only degraded.</summary>
    public static IReadOnlySet<string> Critical { get; } = new HashSet<string>(StringComparer.Ordinal) { Service, Functionality, Container };
}
