using Tailpaste.BackupRestore.Store;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;

namespace Tailpaste.BackupRestore;

/// <summary>Everything one run needs, bound and checked from the inputs and the documented variables.</summary>
public sealed record BackupRestoreOptions
{
    public required Mode Mode { get; init; }

    public required string ContainerName { get; init; }

    /// <summary>The folder of pastes.db inside the service container; null takes its STORAGE_PATH, then /data.</summary>
    public string? StoragePath { get; init; }

    public required BackupStore Store { get; init; }

    /// <summary>The input that chose the store (backup-volume or backup-dir), for messages.</summary>
    public required string StoreInput { get; init; }

    public string? BackupId { get; init; }

    public bool Drill { get; init; }

    public bool VerifyAfterBackup { get; init; }

    public int Retain { get; init; } = 10;

    public int RetainDays { get; init; }

    public bool Force { get; init; }

    public bool DryRun { get; init; }

    public string? GitCommit { get; init; }

    /// <summary>The service's base URL, possibly with credentials; print <see cref="ServiceUrlForDisplay"/>.</summary>
    public required Uri ServiceUrl { get; init; }

    public string ServiceUrlForDisplay => Shared.Http.UrlCredentials.Redact(ServiceUrl);

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The helper image given; null to use the image of the container this action runs in.</summary>
    public string? HelperImage { get; init; }

    /// <summary>Ids this process may run in (from its mounts), to find its own image; empty outside a container.</summary>
    public IReadOnlyList<string> SelfContainerIds { get; init; } = [];

    public IReadOnlyDictionary<string, string> SiblingLabels { get; init; } = new Dictionary<string, string>();

    public TimeSpan LockStaleAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The engine, and where its address came from (docker-host, DOCKER_HOST or the default), for messages.</summary>
    public required DockerHostSetting Docker { get; init; }

    public string? ReportPath { get; init; }

    public required RunIdentity Identity { get; init; }

    /// <summary>
    /// Test-only (TAILPASTE_TEST_PAUSE_BEFORE): a restore step before which the run waits until it is killed,
    /// so crash safety can be tested at exact points. Never set in a real workflow.
    /// </summary>
    public string? PauseBefore { get; init; }
}
