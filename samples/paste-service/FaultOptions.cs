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
    /// <summary>Pastes stored longer than this are cut to it when <see cref="TruncateLargePastes"/> is on.</summary>
    public const int TruncatedPasteBytes = 64 * 1024;

    public static FaultOptions None { get; } = new(0, 0, false);

    /// <summary>
    /// Seconds after start before <see cref="LatencyMs"/> and <see cref="ErrorRate"/> apply (0: at once), so an
    /// image can pass its health check, smoke test and pre-cut-over probes and go bad only once it serves traffic.
    /// </summary>
    public int OnsetSeconds { get; init; }

    /// <summary>Test-only: pastes over <see cref="TruncatedPasteBytes"/> are stored cut short, yet accepted with 200.</summary>
    public bool TruncateLargePastes { get; init; }

    /// <summary>Test-only: a well-formed id that does not exist answers 200 with an empty body instead of 404.</summary>
    public bool UnknownIdFound { get; init; }

    /// <summary>Test-only: the 400 and 404 answers of <c>GET /{id}</c> echo the id, unescaped, as HTML.</summary>
    public bool ReflectInput { get; init; }

    /// <summary>Test-only: a malformed id throws inside the handler, so it answers 500.</summary>
    public bool CrashOnMalformedId { get; init; }

    public bool Any => LatencyMs > 0 || ErrorRate > 0 || ReadinessFail || TestOnlyAny;

    /// <summary>Whether one of the test-only faults (the ones the smoke and fuzz probes must catch) is on.</summary>
    public bool TestOnlyAny => TruncateLargePastes || UnknownIdFound || ReflectInput || CrashOnMalformedId;
}
