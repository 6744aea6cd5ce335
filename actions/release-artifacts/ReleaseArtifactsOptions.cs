using Tailpaste.ReleaseArtifacts.Versioning;
using Tailpaste.Shared.Docker;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>Every input of the action, bound and checked.</summary>
public sealed record ReleaseArtifactsOptions
{
    public required ReleaseVersion Version { get; init; }

    public required ReleaseSteps Steps { get; init; }

    public required string OutputDir { get; init; }

    public required string RepositoryPath { get; init; }

    public required string Commit { get; init; }

    public required IReadOnlyList<string> HiddenTypes { get; init; }

    public required bool IncludeMerges { get; init; }

    public required string ChangelogFile { get; init; }

    public required bool ArchiveChangelog { get; init; }

    public string? InstallUrl { get; init; }

    public string? Token { get; init; }

    public string? Repository { get; init; }

    public required Uri ApiUrl { get; init; }

    public required string ServerUrl { get; init; }

    public required bool MoveMajorTag { get; init; }

    public required bool DryRun { get; init; }

    /// <summary>The full path of the JSON report, checked writable; null for the default in output-dir.</summary>
    public string? ReportPath { get; init; }

    /// <summary>The built image to tag, or null to leave images alone.</summary>
    public string? Image { get; init; }

    public required string ImageName { get; init; }

    public required bool ImageProduction { get; init; }

    /// <summary>The engine the image step tags in, and where its address came from (docker-host or DOCKER_HOST), named in errors.</summary>
    public required DockerHostSetting Docker { get; init; }

    public bool Runs(ReleaseSteps step) => (Steps & step) == step;
}
