namespace Tailpaste.Shared.Probes.Smoke;

/// <summary>What the smoke probe checks, and against what.</summary>
/// <param name="ServiceUrl">The service's base URL; every request goes to it and nowhere else.</param>
public sealed record SmokeOptions(Uri ServiceUrl)
{
    /// <summary>Tailpaste's limit: a paste of this many bytes is accepted, one more is refused with 413.</summary>
    public const int TailpasteMaxPasteBytes = 1024 * 1024;

    /// <summary>The upload token the service requires, if any (a secret: sent only as the bearer token, never reported).</summary>
    public string? UploadToken { get; init; }

    public int MaxPasteBytes { get; init; } = TailpasteMaxPasteBytes;

    /// <summary>Bound on each request, a 1 MiB upload or read included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
