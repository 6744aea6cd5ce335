using Tailpaste.DockerCleanup.Model;
using Tailpaste.Shared.Docker;

namespace Tailpaste.DockerCleanup;

/// <summary>Everything the action was asked to do, validated.</summary>
/// <param name="Resources">The kinds to clean, in removal order.</param>
/// <param name="Docker">The engine, and where its address came from (the docker-host input, DOCKER_HOST, or the default), named in errors.</param>
public sealed record CleanupOptions(
    LabelSelector Labels,
    ProtectedLabels ProtectLabels,
    IReadOnlyList<ResourceKind> Resources,
    bool PruneDangling,
    TimeSpan? OlderThan,
    TimeSpan StopTimeout,
    bool DryRun,
    bool FailOnError,
    DockerHostSetting Docker,
    string ReportPath);
