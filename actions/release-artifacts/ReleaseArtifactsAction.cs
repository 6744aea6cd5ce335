using System.Text.RegularExpressions;
using Tailpaste.ReleaseArtifacts.Image;
using Tailpaste.ReleaseArtifacts.Versioning;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
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

        var versionText = inputs.GetOptionalInput("version");
        if (versionText is null)
        {
            versionText = runner.Ref ?? throw new InputException("version", null, "a version, or a run triggered by a tag push (GITHUB_REF=refs/tags/v1.2.3)");
            if (!versionText.StartsWith("refs/tags/", StringComparison.Ordinal))
            {
                throw new InputException("version", versionText, "a version, or GITHUB_REF naming a tag (refs/tags/v1.2.3); this run was not triggered by a tag");
            }
        }

        if (!ReleaseVersion.TryParse(versionText, out var version))
        {
            throw inputs.Invalid("version", versionText, ReleaseVersion.Expected);
        }

        var steps = ReleaseSteps.None;
        foreach (var step in inputs.GetListInput("steps"))
        {
            steps |= Enum.TryParse<ReleaseSteps>(step, ignoreCase: true, out var parsed) && parsed != ReleaseSteps.None && Enum.IsDefined(parsed) && !step.Any(char.IsDigit)
                ? parsed
                : throw inputs.Invalid("steps", step, "a list of validate, changelog, archive, checksums, installer, publish");
        }

        if (steps == ReleaseSteps.None)
        {
            throw new InputException("steps", null, "at least one of validate, changelog, archive, checksums, installer, publish");
        }

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

        // An empty input means "use the default", so "none" is how a workflow keeps every type.
        var hidden = inputs.GetListInput("hide-types").Where(t => t != "none").ToList();
        foreach (var type in hidden.Where(t => !CommitType().IsMatch(t)))
        {
            throw inputs.Invalid("hide-types", type, "Conventional Commit types such as chore, ci, docs");
        }

        var includeMerges = inputs.GetBoolInput("include-merges");
        var changelogFile = inputs.GetInput("changelog-file", required: true);
        if (Path.IsPathRooted(changelogFile) || changelogFile.Split('/', '\\').Contains(".."))
        {
            throw inputs.Invalid("changelog-file", changelogFile, "a path inside repository-path");
        }

        var archiveChangelog = false;
        foreach (var extra in inputs.GetListInput("archive-extras"))
        {
            archiveChangelog = extra == "CHANGELOG.md" ? true : throw inputs.Invalid("archive-extras", extra, "CHANGELOG.md (the only generated file that can go inside the archive)");
        }

        if (archiveChangelog && (steps & ReleaseSteps.Changelog) == 0)
        {
            throw inputs.Invalid("archive-extras", "CHANGELOG.md", "the changelog step in steps, which builds the CHANGELOG.md to add");
        }

        var installUrl = inputs.GetOptionalUrlInput("install-url");

        var dryRun = inputs.GetBoolInput("dry-run");
        var publish = (steps & ReleaseSteps.Publish) != 0;
        var github = inputs.GetGitHubSettings(runner);
        if (publish && !dryRun && github.Token is null)
        {
            throw new InputException(GitHubInputs.TokenInput, null, "a GitHub token with contents:write for the publish step (or the GITHUB_TOKEN variable, or dry-run: true)");
        }

        if (publish && github.Repository is null)
        {
            throw new InputException(GitHubInputs.RepositoryInput, null, "owner/name of the repository to publish to (or the GITHUB_REPOSITORY variable)");
        }

        var image = inputs.GetOptionalInput("image");
        if (image is not null && (image.StartsWith('-') || image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw inputs.Invalid("image", image, "an image reference (name:tag) or ID");
        }

        var imageName = inputs.GetInput("image-name", required: true);
        if (!ImageTagPlan.IsRepository(imageName))
        {
            throw inputs.Invalid("image-name", imageName, ImageTagPlan.RepositoryExpected);
        }

        var imageProduction = inputs.GetBoolInput("image-production");
        // The engine matters only with an image: a DOCKER_HOST meant for other tools must not fail a release without one.
        var engine = inputs.GetDockerHostInput(runner, needed: image is not null);

        var moveMajorTag = inputs.GetBoolInput("move-major-tag");
        var reportPath = inputs.GetOptionalInput("report-path") is null ? null : inputs.GetOutputPathInput("report-path");
        return new ReleaseArtifactsOptions
        {
            Version = version!,
            Steps = steps,
            OutputDir = outputDir,
            RepositoryPath = repositoryPath,
            Commit = commit,
            HiddenTypes = hidden,
            IncludeMerges = includeMerges,
            ChangelogFile = changelogFile,
            ArchiveChangelog = archiveChangelog,
            InstallUrl = installUrl?.OriginalString,
            Token = github.Token,
            Repository = github.Repository,
            ApiUrl = github.ApiUrl,
            ServerUrl = github.ServerUrl,
            MoveMajorTag = moveMajorTag,
            DryRun = dryRun,
            ReportPath = reportPath,
            Image = image,
            ImageName = imageName,
            ImageProduction = imageProduction,
            Engine = engine.Endpoint,
            EngineSource = engine.Source,
        };
    }

    [GeneratedRegex(@"^[0-9A-Za-z_][0-9A-Za-z._/^~-]*$")]
    private static partial Regex SafeRevision();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex CommitType();
}
