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
using Tailpaste.Shared.IO;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>
/// Validates the release, prepares every step (each checks what it needs and where it writes), and only then
/// runs the selected steps in their fixed order over one <see cref="ReleaseState"/> and writes the report, the
/// summary and the outputs. Bad input therefore exits 2 before the first file is written.
/// </summary>
public sealed class ReleasePipeline
{
    public const string DefaultReportName = "release-artifacts-report.json";

    private readonly ReleaseArtifactsOptions _options;
    private readonly ActionCore _core;
    private readonly GitCli _git;

    public ReleasePipeline(ReleaseArtifactsOptions options, ActionCore core)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _core = core ?? throw new ArgumentNullException(nameof(core));
        _git = new GitCli(options.RepositoryPath);
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (_options.GitHub.Token is { } token)
        {
            _core.SetSecret(token);
        }

        ValidatedRelease release;
        try
        {
            release = await new ReleaseValidator(_git).ValidateAsync(_options.Version, _options.Commit, _options.Runs(ReleaseSteps.Validate), cancellationToken).ConfigureAwait(false);
        }
        catch (GitException e)
        {
            throw new InputException("repository-path", _options.RepositoryPath, $"a git repository with the release tag ({e.Result?.Stderr.Trim() ?? e.Message})");
        }

        var state = new ReleaseState(release, Path.TrimEndingDirectorySeparator(Path.GetFullPath(_options.OutputDir)), new RepositoryLinks(_options.GitHub.ServerUrl, _options.GitHub.Repository));
        var steps = Steps();
        try
        {
            await PrepareAsync(state, steps, cancellationToken).ConfigureAwait(false);
            return await ProduceAsync(state, steps, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GitException or Octokit.ApiException or HttpRequestException or IOException or InvalidDataException or DockerApiException)
        {
            _core.SetFailed($"Release {release.Tag.Name} failed: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            foreach (var step in steps.OfType<IDisposable>())
            {
                step.Dispose();
            }
        }
    }

    /// <summary>The steps in the order they run: installer before checksums, which cover install.sh.</summary>
    private IReadOnlyList<IReleaseStep> Steps() =>
    [
        new ChangelogStep(_options, _git, _core),
        new ArchiveStep(_options, _git, _core),
        new InstallerStep(_options),
        new ChecksumsStep(_options),
        new ImageStep(_options, _core),
        new PublishStep(_options, _core),
    ];

    /// <summary>Everything that can be bad input, checked before anything is written.</summary>
    private async Task PrepareAsync(ReleaseState state, IReadOnlyList<IReleaseStep> steps, CancellationToken cancellationToken)
    {
        RequireOutputFolder(state.OutputDir);

        foreach (var step in steps)
        {
            await step.PrepareAsync(state, cancellationToken).ConfigureAwait(false);
        }

        // A report-path given as input was checked by the binder; the default one goes into output-dir.
        if (_options.ReportPath is null)
        {
            state.RequireWritable(DefaultReportName);
        }
    }

    /// <summary>
    /// output-dir must be a folder or not exist yet. It is often inside the checkout, so it and every folder
    /// above it inside repository-path must not be a link: one committed there would send every file elsewhere.
    /// </summary>
    private void RequireOutputFolder(string outputDir)
    {
        if (PathLimits.Problem(outputDir) is { } tooLong)
        {
            throw new InputException("output-dir", _options.OutputDir, $"a folder that can be created, but {tooLong}");
        }

        var kind = FileEntry.Of(outputDir).Kind;
        if (kind is not (FileKind.Missing or FileKind.Directory))
        {
            var never = kind == FileKind.SymbolicLink ? ", which is never followed" : string.Empty;
            throw new InputException("output-dir", _options.OutputDir, $"a folder, but {outputDir} is {kind.Describe()}{never}");
        }

        var repository = Path.TrimEndingDirectorySeparator(_git.RepositoryPath) + Path.DirectorySeparatorChar;
        for (var folder = Path.GetDirectoryName(outputDir); folder is not null && folder.StartsWith(repository, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder))
        {
            if (FileEntry.Of(folder).Kind == FileKind.SymbolicLink)
            {
                throw new InputException("output-dir", _options.OutputDir, $"a folder reached without links, but {folder} is a symbolic link, which is never followed");
            }
        }
    }

    private async Task<int> ProduceAsync(ReleaseState state, IReadOnlyList<IReleaseStep> steps, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(state.OutputDir);
        foreach (var step in steps.Where(s => s.Selected))
        {
            await _core.GroupAsync(step.Name, () => step.RunAsync(state, cancellationToken)).ConfigureAwait(false);
        }

        var records = state.Records();
        var reportPath = _options.ReportPath ?? state.InOutputDir(DefaultReportName);
        await JsonReportWriter.WriteAsync(reportPath, ReleaseArtifactsReport.From(state, _options.Steps, records, DateTimeOffset.UtcNow), ReleaseArtifactsJson.Report, _core.Masker, cancellationToken).ConfigureAwait(false);
        ReleaseSummary.Write(_core.Summary, state, records);
        await _core.WriteSummaryAsync(cancellationToken).ConfigureAwait(false);
        await _core.SetOutputsAsync(ReleaseArtifactsOutputs.From(state, reportPath), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
