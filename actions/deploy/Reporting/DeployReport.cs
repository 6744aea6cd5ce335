using Tailpaste.Deploy.History;
using Tailpaste.Deploy.Proxy;
using Tailpaste.Deploy.Strategies;
using Tailpaste.Deploy.Verification;
using Tailpaste.Shared.History;

namespace Tailpaste.Deploy.Reporting;

/// <summary>The JSON report of one deploy (report-path), and what the step summary shows.</summary>
public sealed record DeployReport
{
    public required string Service { get; init; }

    public required string Strategy { get; init; }

    public required string Trigger { get; init; }

    public required string Image { get; init; }

    public string ImageId { get; init; } = string.Empty;

    public string Version { get; init; } = string.Empty;

    public string Commit { get; init; } = string.Empty;

    public required string Outcome { get; init; }

    public required string Message { get; init; }

    public string DeployedImage { get; init; } = string.Empty;

    public string PreviousImage { get; init; } = string.Empty;

    public bool RolledBack { get; init; }

    public string? RollbackReason { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    public double DeploySeconds { get; init; }

    public double DowntimeMs { get; init; }

    public DateTimeOffset? CutoverAt { get; init; }

    public DateTimeOffset? RolledBackAt { get; init; }

    public string? LiveSlot { get; init; }

    public string? BackupId { get; init; }

    /// <summary>What this run did about a deploy a previous run left half-done.</summary>
    public string? Recovered { get; init; }

    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>The proxy's route changes: each graceful reload closes users' idle kept-alive connections.</summary>
    public IReadOnlyList<ProxyChange> ProxyChanges { get; init; } = [];

    public PreCutoverResult? PreCutover { get; init; }

    public WatchOutcome? Verify { get; init; }

    public WatchOutcome? RollbackCheck { get; init; }

    public DrainReport? Drain { get; init; }

    public CircuitBreakerState? CircuitBreaker { get; init; }

    public string? History { get; init; }

    public DeployMetrics? Metrics { get; init; }
}
