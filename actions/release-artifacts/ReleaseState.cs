using Tailpaste.ReleaseArtifacts.Changelog;
using Tailpaste.ReleaseArtifacts.Checksums;
using Tailpaste.ReleaseArtifacts.Publish;
using Tailpaste.ReleaseArtifacts.Versioning;
using Tailpaste.Shared.Actions;
using Tailpaste.Shared.IO;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>
/// What the steps of one run hand on to each other: the validated release and where its files go, then each
/// file of the release, made by a step or picked up from an earlier job's output-dir. The report, the summary
/// and the outputs are built from it after the last step.
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

    /// <summary>SHA-256 of the files hashed so far, so no file is read twice.</summary>
    public FileHashes Hashes { get; } = new();

    /// <summary>The release notes (the GitHub Release body); empty when there are none.</summary>
    public string Notes { get; set; } = string.Empty;

    /// <summary>What the changelog step found; null when it did not run.</summary>
    public ChangelogOutcome? Changelog { get; set; }

    public ReleaseFile? NotesFile { get; set; }

    public ReleaseFile? ChangelogFile { get; set; }

    public ReleaseFile? ArchiveFile { get; set; }

    public ReleaseFile? InstallerFile { get; set; }

    /// <summary>The .sha256 files next to the archive and install.sh.</summary>
    public List<ReleaseFile> ChecksumFiles { get; } = [];

    /// <summary>SHA256SUMS.</summary>
    public ReleaseFile? SumsFile { get; set; }

    public IReadOnlyList<string> ImageTags { get; set; } = [];

    /// <summary>What publish did; null unless it sent its requests.</summary>
    public PublishResult? Published { get; set; }

    /// <summary>The requests a dry-run publish would send.</summary>
    public IReadOnlyList<string> DryRunRequests { get; set; } = [];

    public string InOutputDir(string fileName) => Path.Combine(OutputDir, fileName);

    /// <summary>Every file of the release, in upload order: CHANGELOG.md, the archive, install.sh, the checksum files.</summary>
    public IReadOnlyList<string> Artifacts() =>
        new[] { ChangelogFile, ArchiveFile, InstallerFile }.Concat(ChecksumFiles).Append(SumsFile)
            .OfType<ReleaseFile>().Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The produced files, once each, with size and any SHA-256 already computed.</summary>
    public IReadOnlyList<ArtifactRecord> Records() =>
        Artifacts().Select(file => new ArtifactRecord(Path.GetFileName(file), file, new FileInfo(file).Length, Hashes.Find(file))).ToList();

    /// <summary>Bad input (exit 2) now, before anything is written, when <paramref name="fileName"/> cannot be written in output-dir.</summary>
    public void RequireWritable(string fileName)
    {
        if (WritableFilePath.Problem(InOutputDir(fileName)) is { } problem)
        {
            throw new InputException("output-dir", OutputDir, $"a folder where {fileName} can be written, but {problem}");
        }
    }

    /// <summary>
    /// A file an earlier job left in output-dir, or null when there is none. output-dir may be part of the
    /// checkout, so what is there is repository content: anything but a regular file (a link to .git/config, a
    /// device, a folder) or one above <paramref name="maxBytes"/> is bad input, never read or uploaded.
    /// </summary>
    public ReleaseFile? PickUp(string fileName, long maxBytes = long.MaxValue)
    {
        var path = InOutputDir(fileName);
        var entry = FileEntry.Of(path);
        if (entry.Kind == FileKind.Missing)
        {
            return null;
        }

        if (!entry.IsRegularFile)
        {
            throw new InputException("output-dir", OutputDir, $"{fileName} in it, left by an earlier job, to be a regular file, but it is {entry.Kind.Describe()}, which is never followed");
        }

        return entry.Size <= maxBytes ? ReleaseFile.PickedUp(path)
            : throw new InputException("output-dir", OutputDir, $"{fileName} in it, left by an earlier job, to have at most {maxBytes} bytes, but it has {entry.Size}");
    }
}
