namespace Tailpaste.PasteService;

/// <summary>
/// Switches that make a deployment go bad on purpose, so pipeline tests can watch
/// health checks, log analysis and rollbacks react to a real failure.
/// </summary>
/// <param name="LatencyMs">Delay added to every request before it is handled.</param>
/// <param name="ErrorRate">Share (0..1) of paste requests answered with 500.</param>
/// <param name="ReadinessFail">When true, /readyz answers 503 whatever the database says.</param>
public sealed record FaultOptions(int LatencyMs, double ErrorRate, bool ReadinessFail)
{
    public static FaultOptions None { get; } = new(0, 0, false);

    public bool Any => LatencyMs > 0 || ErrorRate > 0 || ReadinessFail;
}
