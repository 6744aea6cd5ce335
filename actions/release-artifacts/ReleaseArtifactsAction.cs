using System.Text.RegularExpressions;
using Tailpaste.ReleaseArtifacts.Changelog;
using Tailpaste.ReleaseArtifacts.Image;
using Tailpaste.ReleaseArtifacts.Versioning;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.GitHub;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>The release-artifacts action: binds and checks every input, then hands over to <see cref="ReleasePipeline"/>.</summary>
public static partial class ReleaseArtifactsAction
{
    public static ActionDefinition<ReleaseArtifactsOptions> Definition { get; } = new(
        "release-artifacts",
        ActionManifest.FromAssembly(typeof(ReleaseArtifactsAction).Assembly),
        Bind,
        (options, core, ct) => new ReleasePipeline(options, core).RunAsync(ct))
    {
        Usage = "[--version v1.2.3] [--steps validate,changelog,archive,checksums,installer,publish] [--dry-run true]",
    };

    public static ReleaseArtifactsOptions Bind(ActionInputs inputs, RunnerEnvironment runner)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(runner);
        var version = ReleaseVersionInput.Bind(inputs, runner);
        var steps = ReleaseStepsInput.Bind(inputs);
        var outputDir = inputs.GetInput("output-dir", required: true);
        var repositoryPath = inputs.GetInput("repository-path", required: true);
        if (!Directory.Exists(repositoryPath))
        {
            throw inputs.Invalid("repository-path", repositoryPath, "an existing folder holding a git working copy");
        }

        var commit = inputs.GetOptionalInput("commit") ?? runner.Sha ?? "HEAD";
        if (!SafeRevision().IsMatch(commit))
        {
            throw inputs.Invalid("commit", commit, "a commit id or ref name (letters, digits, . _ / - ^ ~)");
        }

        var changelog = ChangelogInputs.Bind(inputs, steps);
        var installUrl = inputs.GetOptionalUrlInput("install-url");
        var dryRun = inputs.GetBoolInput("dry-run");
        return new ReleaseArtifactsOptions
        {
            Version = version,
            Steps = steps,
            OutputDir = outputDir,
            RepositoryPath = repositoryPath,
            Commit = commit,
            Changelog = changelog,
            InstallUrl = installUrl?.OriginalString,
            GitHub = GitHub(inputs, runner, (steps & ReleaseSteps.Publish) != 0, dryRun),
            Image = ImageInputs.Bind(inputs, runner),
            MoveMajorTag = inputs.GetBoolInput("move-major-tag"),
            DryRun = dryRun,
            ReportPath = inputs.GetOptionalOutputPathInput("report-path"),
        };
    }

    /// <summary>The API address, repository and token; publishing needs the repository, and the token unless it is a dry run.</summary>
    private static GitHubSettings GitHub(ActionInputs inputs, RunnerEnvironment runner, bool publish, bool dryRun)
    {
        var github = inputs.GetGitHubSettings(runner);
        if (publish && !dryRun && github.Token is null)
        {
            throw new InputException(GitHubInputs.TokenInput, null, "a GitHub token with contents:write for the publish step (or the GITHUB_TOKEN variable, or dry-run: true)");
        }

        return publish && github.Repository is null
            ? throw new InputException(GitHubInputs.RepositoryInput, null, "owner/name of the repository to publish to (or the GITHUB_REPOSITORY variable)")
            : github;
    }

    [GeneratedRegex(@"^[0-9A-Za-z_][0-9A-Za-z._/^~-]*$")]
    private static partial Regex SafeRevision();
}
