namespace Tailpaste.Deploy.Record;

/// <summary>
/// The crash-safe deploy record of one service: which slot is live with which image (and its digest and
/// configuration hash), what ran before, and — while a deploy is in progress — its phase and candidate. The
/// proxy's routes are re-applied from it, so routing survives even the loss of the proxy container.
/// </summary>
public sealed record DeployRecord
{
    public long Sequence { get; init; }

    public required string Service { get; init; }

    /// <summary>recreate or blue-green: the strategy of the last deploy.</summary>
    public required string Strategy { get; init; }

    public DeployPhase Phase { get; init; } = DeployPhase.Steady;

    /// <summary>blue or green for blue-green; null for recreate, or before the first cut-over.</summary>
    public string? LiveSlot { get; init; }

    public string? LiveImage { get; init; }

    public string? LiveImageId { get; init; }

    public string? LiveDigest { get; init; }

    /// <summary>SHA-256 over the live container's creation settings.</summary>
    public string? ConfigHash { get; init; }

    public string? PreviousImage { get; init; }

    public string? PreviousImageId { get; init; }

    public string? PreviousDigest { get; init; }

    /// <summary>The slot (blue-green) or aside container name (recreate) of the deploy in progress.</summary>
    public string? Candidate { get; init; }

    public string? CandidateImage { get; init; }

    public string? CandidateImageId { get; init; }

    public string? CandidateConfigHash { get; init; }

    /// <summary>The run that wrote this record.</summary>
    public string? Run { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A record before any deploy.</summary>
    public static DeployRecord Empty(string service, string strategy) => new() { Service = service, Strategy = strategy };

    /// <summary>This record with no deploy in progress: steady, and no candidate.</summary>
    public DeployRecord Settled() =>
        this with { Phase = DeployPhase.Steady, Candidate = null, CandidateImage = null, CandidateImageId = null, CandidateConfigHash = null };

    /// <summary>This record with the candidate's image and settings as the live ones (the slot and the previous version are the caller's to set).</summary>
    public DeployRecord WithCandidateLive() =>
        this with { LiveImage = CandidateImage, LiveImageId = CandidateImageId, ConfigHash = CandidateConfigHash };
}
