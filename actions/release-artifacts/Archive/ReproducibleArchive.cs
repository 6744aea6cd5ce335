using System.Formats.Tar;
using Tailpaste.ReleaseArtifacts.Git;

namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>
/// Writes <c>tailpaste-{version}.tar.gz</c> of a commit's tree so that the bytes depend only on the tree, the
/// commit time and the version: entries sorted by path under one top folder, every mtime the commit time,
/// uid/gid 0 without user names, modes 0755/0644, and gzip members without name or time, cut at fixed input
/// offsets. The working tree, umask, time zone, clock and core count of the machine play no part.
/// </summary>
public sealed class ReproducibleArchive
{
    private const UnixFileMode DirectoryMode = (UnixFileMode)0b111_101_101;
    private const UnixFileMode FileMode = (UnixFileMode)0b110_100_100;
    private const UnixFileMode ExecutableMode = (UnixFileMode)0b111_101_101;
    private const UnixFileMode LinkMode = (UnixFileMode)0b111_111_111;
    private readonly GitCli _git;

    public ReproducibleArchive(GitCli git)
    {
        _git = git ?? throw new ArgumentNullException(nameof(git));
    }

    public async Task<ArchiveResult> WriteAsync(string commit, string topFolder, DateTimeOffset commitTime, string destination, IReadOnlyList<ArchiveExtra> extras, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topFolder);
        ArgumentNullException.ThrowIfNull(extras);
        var tree = await new GitTreeReader(_git).ReadAsync(commit, cancellationToken).ConfigureAwait(false);
        var extraNames = extras.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        // Ordinal order of the archive names; a directory sorts as "dir/" so it always precedes its contents.
        var sorted = tree.Where(e => !extraNames.Contains(e.Path))
            .OrderBy(e => e.Kind == TreeEntryKind.Directory ? e.Path + "/" : e.Path, StringComparer.Ordinal)
            .ToList();
        var blobs = sorted.Where(e => e.Kind != TreeEntryKind.Directory).Select(e => e.ObjectId).ToList();

        var mtime = DateTimeOffset.FromUnixTimeSeconds(commitTime.ToUnixTimeSeconds());
        var prefix = topFolder.TrimEnd('/') + "/";

        // A fresh name, created exclusively: a link left at a fixed name (output-dir may be in the checkout)
        // would have the archive written through it.
        var temporary = $"{destination}.{Guid.NewGuid():N}.tmp";
        int count;
        try
        {
            await using (var file = new FileStream(temporary, System.IO.FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                count = await WriteTarAsync(file, sorted, blobs, prefix, mtime, extras, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        var links = sorted.Where(e => e.Kind == TreeEntryKind.SymbolicLink).Select(e => e.Path).ToList();
        return new ArchiveResult(destination, new FileInfo(destination).Length, count, links);
    }

    /// <summary>Writes the gzip-compressed tar of the sorted tree entries and the extras; returns the entry count.</summary>
    private async Task<int> WriteTarAsync(Stream file, IReadOnlyList<TreeEntry> sorted, IReadOnlyList<string> blobs, string prefix, DateTimeOffset mtime, IReadOnlyList<ArchiveExtra> extras, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var gzip = new ParallelGzipStream(file);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true);
        await using var blobReader = GitBlobReader.Open(_git, blobs);
        await tar.WriteEntryAsync(Entry(TarEntryType.Directory, prefix, DirectoryMode, mtime), cancellationToken).ConfigureAwait(false);
        count++;
        using var content = new MemoryStream();
        foreach (var entry in sorted)
        {
            var name = prefix + entry.Path;
            GnuTarEntry tarEntry;
            if (entry.Kind == TreeEntryKind.Directory)
            {
                tarEntry = Entry(TarEntryType.Directory, name + "/", DirectoryMode, mtime);
            }
            else
            {
                await blobReader.ReadNextAsync(entry.ObjectId, content, cancellationToken).ConfigureAwait(false);
                if (entry.Kind == TreeEntryKind.SymbolicLink)
                {
                    tarEntry = Entry(TarEntryType.SymbolicLink, name, LinkMode, mtime);
                    tarEntry.LinkName = System.Text.Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
                }
                else
                {
                    tarEntry = Entry(TarEntryType.RegularFile, name, entry.Kind == TreeEntryKind.ExecutableFile ? ExecutableMode : FileMode, mtime);
                    tarEntry.DataStream = content;
                }
            }

            await tar.WriteEntryAsync(tarEntry, cancellationToken).ConfigureAwait(false);
            count++;
        }

        foreach (var extra in extras)
        {
            await using var source = File.OpenRead(extra.SourcePath);
            var tarEntry = Entry(TarEntryType.RegularFile, prefix + extra.Name, FileMode, mtime);
            tarEntry.DataStream = source;
            await tar.WriteEntryAsync(tarEntry, cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    // atime and ctime stay unset: GNU tar leaves those fields zero outside incremental dumps, and readers that
    // take the area for ustar's name prefix (Python's tarfile) would otherwise read them into every name.
    private static GnuTarEntry Entry(TarEntryType type, string name, UnixFileMode mode, DateTimeOffset mtime) => new(type, name)
    {
        Mode = mode,
        ModificationTime = mtime,
        Uid = 0,
        Gid = 0,
        UserName = string.Empty,
        GroupName = string.Empty,
    };
}
