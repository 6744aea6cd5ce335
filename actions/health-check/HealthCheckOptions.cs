using Tailpaste.HealthCheck.Checks;
using Tailpaste.HealthCheck.Notifications;
using Tailpaste.HealthCheck.Probes;
using Tailpaste.HealthCheck.Recovery;
using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.History;
using Tailpaste.Shared.Http;

namespace Tailpaste.HealthCheck;

/// <summary>
/// Everything one run needs, bound and validated from inputs, the config file and the documented variables by
/// <see cref="HealthCheckBinder"/>. No value has a default here: defaults live in action.yml. Settings that one
/// check alone reads are grouped under that check (<see cref="Service"/>, <see cref="Database"/>, <see cref="Logs"/>,
/// <see cref="Disk"/>); what several parts read stays here.
/// </summary>
public sealed record HealthCheckOptions
{
    public required IReadOnlyList<string> Checks { get; init; }

    /// <summary>Where requests go, with any user:password@ in it; print <see cref="ServiceUrlForDisplay"/> instead.</summary>
    public required Uri ServiceUrl { get; init; }

    /// <summary>The service URL with its userinfo replaced by ***, for reports, logs and notifications.</summary>
    public string ServiceUrlForDisplay => UrlCredentials.Redact(ServiceUrl);

    public required TimeSpan ResponseTimeout { get; init; }

    public required ServiceCheckOptions Service { get; init; }

    /// <summary>Path GET once for readiness by the service check, and waited for before the checks; null to skip.</summary>
    public required string? ReadinessPath { get; init; }

    /// <summary>How long to wait, before the checks, for the readiness path (or the service URL) to answer 2xx; zero does not wait.</summary>
    public required TimeSpan ReadyTimeout { get; init; }

    public required double MaxPasteCreateTimeMs { get; init; }

    public required string? UploadToken { get; init; }

    /// <summary>The smoke, fuzz and slo checks' settings (read and checked whether or not they run).</summary>
    public required ProbeOptions Probes { get; init; }

    public required string ContainerName { get; init; }

    public required int MaxRestarts { get; init; }

    public required DatabaseCheckOptions Database { get; init; }

    public required LogsCheckOptions Logs { get; init; }

    public required DiskCheckOptions Disk { get; init; }

    /// <summary>The image of the short-lived sibling containers: the disk check's df, and the history file in a volume.</summary>
    public required string DiskCheckImage { get; init; }

    /// <summary>The engine, and where its address came from (docker-host, DOCKER_HOST or the default).</summary>
    public required DockerHostSetting Docker { get; init; }

    public required FailOn FailOn { get; init; }

    /// <summary>The report's full path; null for none.</summary>
    public required string? ReportPath { get; init; }

    public required bool Silent { get; init; }

    public required bool Json { get; init; }

    public required HistoryLocation History { get; init; }

    /// <summary>The history file: a local path, or the file name inside <see cref="HistoryVolume"/>.</summary>
    public string? HistoryPath => History.Path;

    /// <summary>Docker volume that holds the history file; null for a local file.</summary>
    public string? HistoryVolume => History.Volume;

    /// <summary>Null unless <c>recover: true</c>.</summary>
    public RecoveryOptions? Recovery { get; init; }

    public required NotificationTargets Notifications { get; init; }

    /// <summary>Labels every sibling container the action starts carries, so a cleanup can find them.</summary>
    public required LabelSet SiblingLabels { get; init; }
}
