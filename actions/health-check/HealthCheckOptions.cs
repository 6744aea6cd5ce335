using Tailpaste.HealthCheck.Notifications;
using Tailpaste.HealthCheck.Recovery;
using Tailpaste.HealthCheck.Reporting;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.Http;

namespace Tailpaste.HealthCheck;

/// <summary>Everything one run needs, bound and validated from inputs, the config file and the documented variables.</summary>
public sealed record HealthCheckOptions
{
    public required IReadOnlyList<string> Checks { get; init; }

    /// <summary>Where requests go, with any user:password@ in it; print <see cref="ServiceUrlForDisplay"/> instead.</summary>
    public required Uri ServiceUrl { get; init; }

    /// <summary>The service URL with its userinfo replaced by ***, for reports, logs and notifications.</summary>
    public string ServiceUrlForDisplay => UrlCredentials.Redact(ServiceUrl);

    public int Attempts { get; init; } = 3;

    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public double MaxResponseTimeMs { get; init; } = 2000;

    /// <summary>Path GET once for readiness; null to skip.</summary>
    public string? ReadinessPath { get; init; } = "/readyz";

    public double MaxPasteCreateTimeMs { get; init; } = 5000;

    public string? UploadToken { get; init; }

    public string ContainerName { get; init; } = "tailpaste";

    public int MaxRestarts { get; init; } = 3;

    public string StoragePath { get; init; } = "/data";

    public double MaxDbSizeMb { get; init; } = 500;

    public bool QuickIntegrityCheck { get; init; }

    public int LogLines { get; init; } = 1000;

    public string? LogFile { get; init; }

    public int CriticalErrorThreshold { get; init; } = 10;

    public double DiskWarnPercent { get; init; } = 80;

    public double DiskFailPercent { get; init; } = 90;

    public string DiskCheckImage { get; init; } = "mcr.microsoft.com/dotnet/runtime-deps:10.0";

    public DockerEndpoint Docker { get; init; } = DockerEndpoint.Default;

    public FailOn FailOn { get; init; } = FailOn.Degraded;

    public string? ReportPath { get; init; }

    public bool Silent { get; init; }

    public bool Json { get; init; }

    /// <summary>The history file: a local path, or the file name inside <see cref="HistoryVolume"/>.</summary>
    public string? HistoryPath { get; init; }

    /// <summary>Docker volume that holds the history file; null for a local file.</summary>
    public string? HistoryVolume { get; init; }

    /// <summary>Null unless <c>recover: true</c>.</summary>
    public RecoveryOptions? Recovery { get; init; }

    public NotificationTargets Notifications { get; init; } = NotificationTargets.None;

    /// <summary>Labels every sibling container the action starts carries, so a cleanup can find them.</summary>
    public IReadOnlyDictionary<string, string> SiblingLabels { get; init; } = new Dictionary<string, string>();
}
