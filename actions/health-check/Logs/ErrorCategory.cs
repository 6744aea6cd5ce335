namespace Tailpaste.HealthCheck.Logs;

/// <summary>Kinds of error lines, in the order they are tried: a line belongs to the first whose words it contains.</summary>
public enum ErrorCategory
{
    Database,
    Network,
    Tailscale,
    Authentication,
    Exception,
    Disk,
    General,
}
