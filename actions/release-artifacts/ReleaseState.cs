using Tailpaste.ReleaseArtifacts.Changelog;
using Tailpaste.ReleaseArtifacts.Checksums;
using Tailpaste.ReleaseArtifacts.Publish;
using Tailpaste.ReleaseArtifacts.Versioning;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>
/// What the steps of one run hand on to each other: the validated release and where its files go, then what
/// each step made (or picked up from an earlier job's output-dir). The report, the summary and the outputs are
/// built from it after the last step.
/// </summary>
public sealed class ReleaseState
{
    public const string NotesFileName = "release-notes.md";
    public const string ChangelogFileName = "CHANGELOG.md";

    public ReleaseState(ValidatedRelease release, string outputDir, RepositoryLinks links)
    {
        Release = release ?? throw new ArgumentNullException(nameof(release));
        OutputDir = outputDir ?? throw new ArgumentNullException(nameof(outputDir));
        Links = links ?? throw new ArgumentNullException(nameof(links));
    }

    public ValidatedRelease Release { get; }

    /// <summary>The version without the v prefix (1.2.3).</summary>
    public string Version => Release.Version.Text;

    public string TagName => Release.Tag.Name;

    /// <summary>The full path of output-dir.</summary>
    public string OutputDir { get; }

    public RepositoryLinks Links { get; }

    public string ArchiveName => $"tailpaste-{Version}.tar.gz";

    /// <summary>Every file of the release, in the order they are uploaded (may repeat; readers take distinct paths).</summary>
    public List<string> Artifacts { get; } = [];

    /// <summary>SHA-256 of the files hashed so far, so no file is read twice.</summary>
    public FileHashes Hashes { get; } = new();

    /// <summary>The release notes (the GitHub Release body); empty when there are none.</summary>
    public string Notes { get; set; } = string.Empty;

    /// <summary>What the changelog step made; null when it did not run.</summary>
    public ChangelogOutcome? Changelog { get; set; }

    /// <summary>The archive, made by this run or left in output-dir by an earlier one; null when there is none.</summary>
    public string? ArchivePath { get; set; }

    /// <summary>install.sh when this run generated it.</summary>
    public string? InstallerPath { get; set; }

    /// <summary>SHA256SUMS when this run wrote it.</summary>
    public string? ChecksumsPath { get; set; }

    public IReadOnlyList<string> ImageTags { get; set; } = [];

    /// <summary>What publish did; null unless it sent its requests.</summary>
    public PublishResult? Published { get; set; }

    /// <summary>The requests a dry-run publish would send.</summary>
    public IReadOnlyList<string> DryRunRequests { get; set; } = [];

    public string InOutputDir(string fileName) => Path.Combine(OutputDir, fileName);

    /// <summary>The produced files, once each, with size and any SHA-256 already computed.</summary>
    public IReadOnlyList<ArtifactRecord> Records() =>
        Artifacts.Distinct(StringComparer.Ordinal)
            .Select(file => new ArtifactRecord(Path.GetFileName(file), file, new FileInfo(file).Length, Hashes.Find(file)))
            .ToList();
}
