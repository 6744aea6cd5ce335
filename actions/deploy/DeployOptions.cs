using Tailpaste.Deploy.Containers;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.History;

namespace Tailpaste.Deploy;

/// <summary>
/// Everything one deploy needs, bound and checked from the inputs and the documented variables before anything is
/// touched. Settings of one concern are grouped (<see cref="Health"/>, <see cref="Rollback"/>, <see cref="Proxy"/>,
/// <see cref="Backup"/>, <see cref="Release"/>, <see cref="History"/>), each with its own Bind; what the whole deploy reads stays here.
/// </summary>
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

    public required HealthGate Health { get; init; }

    /// <summary>Blue-green only: when the deploy is rolled back.</summary>
    public required RollbackPolicy Rollback { get; init; }

    /// <summary>Blue-green only: the reverse proxy and the slots behind it.</summary>
    public required ProxySettings Proxy { get; init; }

    public required string DeployVolume { get; init; }

    public required HistoryLocation History { get; init; }

    public required DeployTrigger Trigger { get; init; }

    public required BackupLink Backup { get; init; }

    public required ReleaseIdentity Release { get; init; }

    public required TimeSpan LockStaleAfter { get; init; }

    /// <summary>The engine, and where its address came from (docker-host, DOCKER_HOST or the default), for messages.</summary>
    public required DockerHostSetting Docker { get; init; }

    public string? ReportPath { get; init; }

    public required RunIdentity Run { get; init; }

    /// <summary>
    /// Test-only (TAILPASTE_TEST_PAUSE_AT): a phase at which the deploy waits until it is killed, so the
    /// recovery of a killed deploy can be tested at exact points. Never set in a real workflow.
    /// </summary>
    public string? PauseAt { get; init; }
}
