using Tailpaste.ReleaseArtifacts.Changelog;
using Tailpaste.ReleaseArtifacts.Image;
using Tailpaste.ReleaseArtifacts.Versioning;
using Tailpaste.Shared.GitHub;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>Every input of the action, bound and checked.</summary>
public sealed record ReleaseArtifactsOptions
{
    public required ReleaseVersion Version { get; init; }

    public required ReleaseSteps Steps { get; init; }

    public required string OutputDir { get; init; }

    public required string RepositoryPath { get; init; }

    public required string Commit { get; init; }

    /// <summary>Hidden commit types, merges, the CHANGELOG.md to prepend to, and whether it goes into the archive.</summary>
    public required ChangelogInputs Changelog { get; init; }

    public string? InstallUrl { get; init; }

    /// <summary>The API address, repository and token the publish step uses, and the web address for links.</summary>
    public required GitHubSettings GitHub { get; init; }

    public required bool MoveMajorTag { get; init; }

    public required bool DryRun { get; init; }

    /// <summary>The full path of the JSON report, checked writable; null for the default in output-dir.</summary>
    public string? ReportPath { get; init; }

    /// <summary>The image step: the built image to tag (null to leave images alone), its repository, production, and the engine.</summary>
    public required ImageInputs Image { get; init; }

    public bool Runs(ReleaseSteps step) => (Steps & step) == step;
}
