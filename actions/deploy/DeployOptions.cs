using Tailpaste.Deploy.Containers;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.Probes.Slo;

namespace Tailpaste.Deploy;

/// <summary>Everything one deploy needs, bound and checked from the inputs and the documented variables before anything is touched.</summary>
public sealed record DeployOptions
{
    public required Strategy Strategy { get; init; }

    public required string Image { get; init; }

    /// <summary>The service container (recreate) or the base name of the blue-green containers.</summary>
    public required string ContainerName { get; init; }

    /// <summary>What the inputs change about the running container's settings.</summary>
    public required SettingsOverrides Overrides { get; init; }

    /// <summary>Where users reach the service; never with a user name or password.</summary>
    public required Uri ServiceUrl { get; init; }

    public required string HealthPath { get; init; }

    public required TimeSpan HealthTimeout { get; init; }

    public bool Smoke { get; init; } = true;

    public string? UploadToken { get; init; }

    public required IReadOnlyList<SloThreshold> Slo { get; init; }

    public TimeSpan SloDuration { get; init; }

    public required TimeSpan VerifyWindow { get; init; }

    public int VerifyRate { get; init; } = 10;

    /// <summary>Share 0..1 of failed requests past which a blue-green deploy is rolled back.</summary>
    public double RollbackErrorRate { get; init; } = 0.05;

    public double RollbackP95Ms { get; init; } = 1000;

    public int LogErrorsAfterDeploy { get; init; } = 5;

    public int LogErrorsAfterRollback { get; init; } = 3;

    public TimeSpan RollbackVerifyWindow { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public required string ProxyImage { get; init; }

    public required int ProxyPort { get; init; }

    public required int PreviewPort { get; init; }

    /// <summary>The loopback ports of the blue and the green slot.</summary>
    public required (int Blue, int Green) SlotPorts { get; init; }

    public required string DeployVolume { get; init; }

    /// <summary>The history: a file name inside <see cref="HistoryVolume"/>, or a local file; null for none.</summary>
    public string? HistoryPath { get; init; }

    public string? HistoryVolume { get; init; }

    public DeployTrigger Trigger { get; init; } = DeployTrigger.Automatic;

    public string? BackupId { get; init; }

    public required string BackupVolume { get; init; }

    public string? Version { get; init; }

    public string? GitCommit { get; init; }

    /// <summary>GITHUB_SHA, the commit label when neither the input nor the image gives one.</summary>
    public string? WorkflowSha { get; init; }

    public TimeSpan LockStaleAfter { get; init; } = TimeSpan.FromMinutes(30);

    public required DockerEndpoint Docker { get; init; }

    /// <summary>Where <see cref="Docker"/> came from (docker-host, DOCKER_HOST or the default), for messages.</summary>
    public required string DockerSource { get; init; }

    public string? ReportPath { get; init; }

    public required DeployRun Run { get; init; }

    /// <summary>
    /// Test-only (TAILPASTE_TEST_PAUSE_AT): a phase at which the deploy waits until it is killed, so the
    /// recovery of a killed deploy can be tested at exact points. Never set in a real workflow.
    /// </summary>
    public string? PauseAt { get; init; }
}
