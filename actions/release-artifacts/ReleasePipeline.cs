using System.Globalization;
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
using Tailpaste.Shared.GitHub;
using Tailpaste.Shared.IO;
using Tailpaste.Shared.Reporting;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>
/// Runs the selected steps in their fixed order. Everything that can be bad input (the version, the tag,
/// the order of releases) is checked before the first file is written.
/// </summary>
public sealed class ReleasePipeline
{
    public const string NotesFileName = "release-notes.md";
    public const string ChangelogFileName = "CHANGELOG.md";

    private readonly ReleaseArtifactsOptions _options;
    private readonly ActionCore _core;
    private readonly GitCli _git;
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);
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
        var version = release.Version.Text;
        var outputDir = Path.GetFullPath(_options.OutputDir);
        Directory.CreateDirectory(outputDir);
        var links = new RepositoryLinks(_options.ServerUrl, _options.Repository);
        var artifacts = new List<string>();
        string? changelogPath = null, notesPath = null, archivePath = null, checksumsPath = null, installerPath = null;
        string? suggested = null;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var notes = string.Empty;

        if (_options.Runs(ReleaseSteps.Changelog))
        {
            _core.StartGroup("changelog");
            var commits = await new GitHistoryReader(_git).ReadAsync(release.Previous?.Commit, release.Tag.Commit, cancellationToken).ConfigureAwait(false);
            var entries = new ChangelogBuilder(_options.HiddenTypes, _options.IncludeMerges).Build(commits);
            foreach (var group in Enum.GetValues<ChangelogGroup>())
            {
                counts[ReleaseNotesWriter.Title(group)] = entries.Count(e => e.Group == group);
            }

            suggested = NextVersion.Suggest(release.Previous?.Version.Version, entries).ToString();
            notes = ReleaseNotesWriter.Render(entries, links);
            notesPath = Path.Combine(outputDir, NotesFileName);
            await AtomicFile.WriteAllTextAsync(notesPath, notes, cancellationToken).ConfigureAwait(false);

            var source = Path.Combine(_options.RepositoryPath, _options.ChangelogFile);
            var existing = File.Exists(source) ? await File.ReadAllTextAsync(source, cancellationToken).ConfigureAwait(false) : null;
            var date = DateOnly.FromDateTime(release.CommitTime.UtcDateTime);
            var changelog = KeepAChangelogFile.Prepend(existing, version, date, notes, links.Compare(release.Previous?.Name, release.Tag.Name));
            changelogPath = Path.Combine(outputDir, ChangelogFileName);
            await AtomicFile.WriteAllTextAsync(changelogPath, changelog, cancellationToken).ConfigureAwait(false);
            artifacts.Add(changelogPath);
            _core.WriteInfo($"{commits.Count} commits since {release.Previous?.Name ?? "the first commit"}, {entries.Count} in the changelog; suggested next version {suggested}");
            _core.EndGroup();
        }
        else
        {
            // A later job (steps: publish) picks up what an earlier one left in output-dir.
            if (File.Exists(Path.Combine(outputDir, NotesFileName)))
            {
                notes = await File.ReadAllTextAsync(Path.Combine(outputDir, NotesFileName), cancellationToken).ConfigureAwait(false);
            }

            if (File.Exists(Path.Combine(outputDir, ChangelogFileName)))
            {
                artifacts.Add(Path.Combine(outputDir, ChangelogFileName));
            }
        }

        var archiveName = $"tailpaste-{version}.tar.gz";
        if (_options.Runs(ReleaseSteps.Archive))
        {
            var extras = _options.ArchiveChangelog && changelogPath is not null ? new[] { new ArchiveExtra(ChangelogFileName, changelogPath) } : [];
            var result = await new ReproducibleArchive(_git).WriteAsync(release.Tag.Commit, $"tailpaste-{version}", release.CommitTime, Path.Combine(outputDir, archiveName), extras, cancellationToken).ConfigureAwait(false);
            archivePath = result.Path;
            _core.WriteInfo($"{archiveName}: {result.Entries} entries, {result.Bytes} bytes");
        }
        else if (File.Exists(Path.Combine(outputDir, archiveName)))
        {
            archivePath = Path.Combine(outputDir, archiveName);
        }

        if (archivePath is not null)
        {
            artifacts.Add(archivePath);
        }

        if (_options.Runs(ReleaseSteps.Installer))
        {
            if (archivePath is null)
            {
                throw new InputException("steps", "installer", $"the archive step too, or {archiveName} already in output-dir: install.sh carries the archive's SHA-256");
            }

            var sha = await HashAsync(archivePath, cancellationToken).ConfigureAwait(false);
            var script = InstallScript.Render(version, sha, _options.InstallUrl ?? links.Download(release.Tag.Name));
            installerPath = Path.Combine(outputDir, InstallScript.FileName);
            await AtomicFile.WriteAllTextAsync(installerPath, script, cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(installerPath, (UnixFileMode)0b111_101_101);
            }

            artifacts.Add(installerPath);
        }
        else if (File.Exists(Path.Combine(outputDir, InstallScript.FileName)))
        {
            artifacts.Add(Path.Combine(outputDir, InstallScript.FileName));
        }

        var checksummed = artifacts.Where(a => a == archivePath || Path.GetFileName(a) == InstallScript.FileName).ToList();
        if (_options.Runs(ReleaseSteps.Checksums) && checksummed.Count > 0)
        {
            foreach (var file in checksummed)
            {
                await HashAsync(file, cancellationToken).ConfigureAwait(false);
            }

            await ChecksumWriter.WriteAsync(outputDir, checksummed, _hashes, cancellationToken).ConfigureAwait(false);
            checksumsPath = Path.Combine(outputDir, ChecksumWriter.SumsFileName);
            artifacts.AddRange(checksummed.Select(f => f + ".sha256"));
            artifacts.Add(checksumsPath);
        }
        else if (!_options.Runs(ReleaseSteps.Checksums))
        {
            artifacts.AddRange(checksummed.Select(f => f + ".sha256").Append(Path.Combine(outputDir, ChecksumWriter.SumsFileName)).Where(File.Exists));
        }

        IReadOnlyList<string> imageTags = [];
        if (_options.Image is { } builtImage)
        {
            var production = _options.ImageProduction && !release.Version.IsPrerelease;
            if (_options.ImageProduction && !production)
            {
                _core.WriteWarning($"{release.Tag.Name} is a pre-release: the image is not tagged {ImageTagPlan.ProductionTag}.");
            }

            var plan = ImageTagPlan.For(builtImage, _options.ImageName, version, production);
            if (_options.DryRun)
            {
                _core.WriteInfo($"image (dry run): would tag {builtImage} as {string.Join(", ", plan.Tags.Select(t => $"{plan.Repository}:{t}"))}");
            }
            else
            {
                imageTags = await new ImageTagger(_docker!).TagAsync(plan, cancellationToken).ConfigureAwait(false);
                _core.WriteInfo($"Tagged {builtImage} as {string.Join(", ", imageTags)}");
            }
        }

        PublishResult? published = null;
        IReadOnlyList<string> dryRunRequests = [];
        if (_options.Runs(ReleaseSteps.Publish))
        {
            var request = new PublishRequest(
                _options.Repository!.Split('/')[0],
                _options.Repository.Split('/')[1],
                release.Tag.Name,
                release.Tag.Name,
                notes,
                release.Version.IsPrerelease,
                release.Tag.Commit,
                artifacts.Distinct(StringComparer.Ordinal).Select(ReleaseAssetFile.For).ToList(),
                _options.MoveMajorTag && !release.Version.IsPrerelease ? "v" + release.Version.Version.Major.ToString(CultureInfo.InvariantCulture) : null);
            if (_options.DryRun)
            {
                dryRunRequests = DryRunPublisher.Describe(request, _options.ApiUrl);
                _core.StartGroup("publish (dry run): the requests that would be sent");
                foreach (var line in dryRunRequests)
                {
                    _core.WriteInfo(line);
                }

                _core.EndGroup();
            }
            else
            {
                var client = GitHubClientFactory.Create(_options.ApiUrl, _options.Token!, "tailpaste-release-artifacts");
                published = await new GitHubReleasePublisher(client).PublishAsync(request, cancellationToken).ConfigureAwait(false);
                _core.WriteInfo($"Release {release.Tag.Name} {published.Action}: {published.Url} ({published.Assets.Count} assets)");
            }
        }

        var records = new List<ArtifactRecord>();
        foreach (var file in artifacts.Distinct(StringComparer.Ordinal))
        {
            records.Add(new ArtifactRecord(Path.GetFileName(file), file, new FileInfo(file).Length, _hashes.GetValueOrDefault(file)));
        }

        var report = new ReleaseArtifactsReport(
            version,
            release.Tag.Name,
            release.Tag.Commit,
            release.Previous?.Name,
            release.Version.IsPrerelease,
            suggested,
            Enum.GetValues<ReleaseSteps>().Where(s => s != ReleaseSteps.None && _options.Runs(s)).Select(s => s.ToString().ToLowerInvariant()).ToList(),
            counts,
            records,
            published,
            dryRunRequests,
            imageTags,
            DateTimeOffset.UtcNow);
        var reportPath = Path.GetFullPath(_options.ReportPath);
        await JsonReportWriter.WriteAsync(reportPath, report, _core.Masker, cancellationToken).ConfigureAwait(false);

        WriteSummary(release, suggested, records, published, notes, imageTags);
        await _core.WriteSummaryAsync(cancellationToken).ConfigureAwait(false);
        await _core.SetOutputsAsync(
            new ReleaseArtifactsOutputs(
                version,
                release.Tag.Name,
                release.Version.IsPrerelease,
                release.Previous?.Name ?? string.Empty,
                suggested ?? string.Empty,
                changelogPath ?? string.Empty,
                notesPath ?? string.Empty,
                archivePath ?? string.Empty,
                checksumsPath ?? string.Empty,
                installerPath ?? string.Empty,
                published?.ReleaseId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                published?.Url ?? string.Empty,
                OutputValues.Format(published?.Assets ?? []),
                string.Join(',', imageTags),
                reportPath),
            cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private async Task<string> HashAsync(string file, CancellationToken cancellationToken)
    {
        if (!_hashes.TryGetValue(file, out var sha))
        {
            sha = await Sha256Digest.OfFileAsync(file, cancellationToken).ConfigureAwait(false);
            _hashes[file] = sha;
        }

        return sha;
    }

    private void WriteSummary(ValidatedRelease release, string? suggested, IReadOnlyList<ArtifactRecord> records, PublishResult? published, string notes, IReadOnlyList<string> imageTags)
    {
        _core.Summary.AddHeading($"Release {release.Tag.Name}");
        _core.Summary.AddTable(
            ["Version", "Tag", "Pre-release", "Previous", "Suggested"],
            [[release.Version.Text, release.Tag.Name, release.Version.IsPrerelease ? "yes" : "no", release.Previous?.Name ?? "(first release)", suggested ?? "-"]]);
        if (records.Count > 0)
        {
            _core.Summary.AddTable(["Artifact", "Bytes", "SHA-256"], records.Select(r => (IReadOnlyList<string>)[r.Name, r.Bytes.ToString(CultureInfo.InvariantCulture), r.Sha256 ?? string.Empty]));
        }

        if (published is not null)
        {
            _core.Summary.AddParagraph($"GitHub Release {published.Action}: {published.Url}");
        }

        if (imageTags.Count > 0)
        {
            _core.Summary.AddParagraph($"Image tagged: {string.Join(", ", imageTags)}");
        }

        if (notes.Length > 0)
        {
            _core.Summary.AddDetails("Release notes", notes);
        }
    }
}
