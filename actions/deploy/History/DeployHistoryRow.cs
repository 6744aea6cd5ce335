namespace Tailpaste.Deploy.History;

/// <summary>One deploy or rollback as the history keeps it (the <c>deploys</c> table).</summary>
public sealed record DeployHistoryRow
{
    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required string Service { get; init; }

    public required string Strategy { get; init; }

    /// <summary>automatic or manual.</summary>
    public required string Trigger { get; init; }

    public required string Image { get; init; }

    public string PreviousImage { get; init; } = string.Empty;

    /// <summary>succeeded, rolled-back, failed or refused.</summary>
    public required string Outcome { get; init; }

    public string Reason { get; init; } = string.Empty;

    public double DeploySeconds { get; init; }

    public double? DowntimeMs { get; init; }

    public DateTimeOffset? CutoverAt { get; init; }

    public double? CutoverErrorRate { get; init; }

    public double? CutoverP95Ms { get; init; }

    public string BackupId { get; init; } = string.Empty;

    public string Run { get; init; } = string.Empty;
}
