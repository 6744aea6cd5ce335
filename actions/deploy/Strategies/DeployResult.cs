using Tailpaste.Deploy.Verification;

namespace Tailpaste.Deploy.Strategies;

/// <summary>What one deploy did and saw; the report, the summary, the outputs and the history row are made from it.</summary>
public sealed record DeployResult
{
    public required DeployOutcome Outcome { get; init; }

    public required string Message { get; init; }

    /// <summary>Why the deploy was rolled back or failed; null when it succeeded.</summary>
    public string? Reason { get; init; }

    /// <summary>The image the service runs at the end.</summary>
    public string DeployedImage { get; init; } = string.Empty;

    public string PreviousImage { get; init; } = string.Empty;

    public DateTimeOffset? CutoverAt { get; init; }

    /// <summary>When users' traffic went back to the previous version (blue-green rollback after the cut-over).</summary>
    public DateTimeOffset? RolledBackAt { get; init; }

    public string? LiveSlot { get; init; }

    public PreCutoverResult? PreCutover { get; init; }

    /// <summary>The watch after the cut-over (blue-green).</summary>
    public WatchOutcome? Verify { get; init; }

    /// <summary>The watch of the restored version after a rollback.</summary>
    public WatchOutcome? RollbackCheck { get; init; }

    public DrainReport? Drain { get; init; }

    public bool RolledBack => Outcome == DeployOutcome.RolledBack;
}
