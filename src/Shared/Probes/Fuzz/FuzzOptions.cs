namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>Where the fuzz run sends, and its bounds.</summary>
/// <param name="ServiceUrl">The service's base URL; every request goes to its host and port, under its path.</param>
public sealed record FuzzOptions(Uri ServiceUrl)
{
    /// <summary>Checked after the run; it must answer 2xx.</summary>
    public string HealthPath { get; init; } = "/healthz";

    /// <summary>Bound on each request: connect, send and the whole answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Answer body bytes read per request; the rest is not read.</summary>
    public int MaxResponseBytes { get; init; } = 64 * 1024;
}
