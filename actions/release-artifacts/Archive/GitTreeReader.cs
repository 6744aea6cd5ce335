using Tailpaste.ReleaseArtifacts.Git;

namespace Tailpaste.ReleaseArtifacts.Archive;

/// <summary>
/// Lists the tracked tree of a commit as <c>git archive</c> would export it: every directory, file and link,
/// minus whatever <c>export-ignore</c> in the commit's .gitattributes (or info/attributes) excludes.
/// Submodules are skipped, as git archive does.
/// </summary>
public sealed class GitTreeReader
{
    private readonly GitCli _git;

    public GitTreeReader(GitCli git)
    {
        _git = git ?? throw new ArgumentNullException(nameof(git));
    }

    public async Task<IReadOnlyList<TreeEntry>> ReadAsync(string commit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(commit);
        var listing = await _git.RunAsync(["ls-tree", "-r", "-t", "-z", "--full-tree", commit], cancellationToken).ConfigureAwait(false);
        var entries = new List<TreeEntry>();
        foreach (var record in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            var meta = record[..tab].Split(' ');
            var kind = meta[0] switch
            {
                "040000" => TreeEntryKind.Directory,
                "100755" => TreeEntryKind.ExecutableFile,
                "120000" => TreeEntryKind.SymbolicLink,
                "160000" => (TreeEntryKind?)null,
                _ => TreeEntryKind.File,
            };
            if (kind is { } k)
            {
                entries.Add(new TreeEntry(record[(tab + 1)..], k, meta[2]));
            }
        }

        var ignored = await ExportIgnoredAsync(commit, entries, cancellationToken).ConfigureAwait(false);
        if (ignored.Count == 0)
        {
            return entries;
        }

        // An ignored directory takes everything below it along, as in git archive.
        return entries.Where(e => !IsIgnored(e.Path, ignored)).ToList();
    }

    private static bool IsIgnored(string path, HashSet<string> ignored)
    {
        for (var at = path.Length; at > 0; at = path.LastIndexOf('/', at - 1))
        {
            if (ignored.Contains(path[..at]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Asks git itself which paths carry export-ignore, reading the attributes of the released commit through
    /// a throw-away index (git before 2.40 has no <c>check-attr --source</c>).
    /// </summary>
    private async Task<HashSet<string>> ExportIgnoredAsync(string commit, IReadOnlyList<TreeEntry> entries, CancellationToken cancellationToken)
    {
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        if (entries.Count == 0)
        {
            return ignored;
        }

        var index = Path.Combine(Path.GetTempPath(), $"release-artifacts-{Guid.NewGuid():N}.index");
        try
        {
            var environment = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
            await _git.RunAsync(["read-tree", commit], cancellationToken, environment).ConfigureAwait(false);
            var input = string.Join('\0', entries.Select(e => e.Path)) + "\0";
            var output = await _git.RunAsync(["check-attr", "-z", "--cached", "--stdin", "export-ignore"], cancellationToken, environment, input).ConfigureAwait(false);
            var fields = output.Split('\0');
            for (var i = 0; i + 2 < fields.Length; i += 3)
            {
                if (fields[i + 2] is "set" or "true")
                {
                    ignored.Add(fields[i]);
                }
            }
        }
        finally
        {
            File.Delete(index);
        }

        return ignored;
    }
}
