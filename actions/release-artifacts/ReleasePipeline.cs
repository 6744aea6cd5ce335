using Docker.DotNet;
using Tailpaste.ReleaseArtifacts.Archive;
using Tailpaste.ReleaseArtifacts.Changelog;
using Tailpaste.ReleaseArtifacts.Checksums;
using Tailpaste.ReleaseArtifacts.Git;
using Tailpaste.ReleaseArtifacts.Image;
using Tailpaste.ReleaseArtifacts.Installer;
using Tailpaste.ReleaseArtifacts.Publish;
using Tailpaste.ReleaseArtifacts.Versioning;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.Docker;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>
/// Runs the selected steps in their fixed order over one <see cref="ReleaseState"/>, then writes the report,
/// the summary and the outputs. Everything that can be bad input (the version, the tag, the order of
/// releases) is checked before the first file is written.
/// </summary>
public sealed class ReleasePipeline
{
    private readonly ReleaseArtifactsOptions _options;
    private readonly ActionCore _core;
    private readonly GitCli _git;
    private DockerClient? _docker;

    public ReleasePipeline(ReleaseArtifactsOptions options, ActionCore core)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _core = core ?? throw new ArgumentNullException(nameof(core));
        _git = new GitCli(options.RepositoryPath);
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (_options.Token is { } token)
        {
            _core.SetSecret(token);
        }

        ValidatedRelease release;
        try
        {
            release = await ValidateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            throw new InputException("repository-path", _options.RepositoryPath, $"a git repository with the release tag ({e.Result?.Stderr.Trim() ?? e.Message})");
        }

        try
        {
            return await ProduceAsync(release, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GitException or Octokit.ApiException or IOException or InvalidDataException or DockerApiException)
        {
            _core.SetFailed($"Release {release.Tag.Name} failed: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            _docker?.Dispose();
        }
    }

    /// <summary>The steps in the order they run: installer before checksums, which cover install.sh.</summary>
    private IReadOnlyList<IReleaseStep> Steps() =>
    [
        new ChangelogStep(_options, _git, _core),
        new ArchiveStep(_options, _git, _core),
        new InstallerStep(_options),
        new ChecksumsStep(_options),
        new ImageStep(_options, () => _docker ?? throw new InvalidOperationException("The engine was not checked."), _core),
        new PublishStep(_options, _core),
    ];

    private async Task<ValidatedRelease> ValidateAsync(CancellationToken cancellationToken)
    {
        var validator = new ReleaseValidator(_git);
        var strict = _options.Runs(ReleaseSteps.Validate);
        var release = await validator.ValidateAsync(_options.Version, _options.Commit, strict, cancellationToken).ConfigureAwait(false);

        // A shallow clone would give a changelog cut short without a word: refuse it before anything is written.
        if (_options.Runs(ReleaseSteps.Changelog) && await _git.IsShallowAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InputException("repository-path", _options.RepositoryPath, $"a full clone for the changelog since {release.Previous?.Name ?? "the first commit"} (this one is shallow: check out with fetch-depth: 0)");
        }

        // The image to tag must be there before any file is written, or a typo would leave half a release.
        if (_options.Image is { } image)
        {
            _docker = DockerClientFactory.Create(_options.Engine);
            var status = await DockerEngineProbe.ProbeAsync(_docker, _options.Engine, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            if (!status.Answers)
            {
                throw new InputException(_options.EngineSource, _options.Engine.ToString(), $"a Docker engine that answers, to tag the image ({status.Error})");
            }

            if (await new ImageTagger(_docker).FindAsync(image, cancellationToken).ConfigureAwait(false) is null)
            {
                throw new InputException("image", image, $"an image the Docker engine at {_options.Engine} has (build it first)");
            }
        }

        return release;
    }

    private async Task<int> ProduceAsync(ValidatedRelease release, CancellationToken cancellationToken)
    {
        var state = new ReleaseState(release, Path.GetFullPath(_options.OutputDir), new RepositoryLinks(_options.ServerUrl, _options.Repository));
        Directory.CreateDirectory(state.OutputDir);
        foreach (var step in Steps())
        {
            if (step.Selected)
            {
                await _core.GroupAsync(step.Name, () => step.RunAsync(state, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                await step.SkipAsync(state, cancellationToken).ConfigureAwait(false);
            }
        }

        var records = state.Records();
        var reportPath = Path.GetFullPath(_options.ReportPath);
        await JsonReportWriter.WriteAsync(reportPath, ReleaseArtifactsReport.From(state, _options.Steps, records, DateTimeOffset.UtcNow), _core.Masker, cancellationToken).ConfigureAwait(false);
        ReleaseSummary.Write(_core.Summary, state, records);
        await _core.WriteSummaryAsync(cancellationToken).ConfigureAwait(false);
        await _core.SetOutputsAsync(ReleaseArtifactsOutputs.From(state, reportPath), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
