using System.Globalization;

namespace Tailpaste.ReleaseArtifacts.Git;

/// <summary>
/// Reads a file as a commit holds it, out of git's object store: the working tree plays no part, so a symbolic
/// link committed where a file is expected (say CHANGELOG.md pointing at .git/config, where actions/checkout
/// keeps its token) is seen for what it is and never followed. The size is asked for before the content.
/// </summary>
public sealed class TrackedFileReader
{
    // Paths are names, never patterns: "*" or ":(glob)" in an input must not match other files.
    private static readonly Dictionary<string, string> _literalPaths = new() { ["GIT_LITERAL_PATHSPECS"] = "1" };
    private readonly GitCli _git;

    public TrackedFileReader(GitCli git)
    {
        _git = git ?? throw new ArgumentNullException(nameof(git));
    }

    /// <summary>
    /// The entry at <paramref name="path"/> (relative to the repository path) in <paramref name="commit"/>, or
    /// null when the commit has none there. A folder comes back as an entry of mode 040000.
    /// </summary>
    public async Task<TrackedFile?> FindAsync(string commit, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(commit);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var listing = await _git.RunAsync(["ls-tree", "-z", commit, "--", path], cancellationToken, _literalPaths).ConfigureAwait(false);
        var records = listing.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        if (records.Length == 0)
        {
            return null;
        }

        // More than one record: the path named a folder's contents ("docs/").
        if (records.Length > 1)
        {
            return new TrackedFile(path, "040000", string.Empty);
        }

        var tab = records[0].IndexOf('\t', StringComparison.Ordinal);
        var meta = records[0][..tab].Split(' ');
        return new TrackedFile(records[0][(tab + 1)..], meta[0], meta[2]);
    }

    /// <summary>The size of a regular file's blob, in bytes, without reading it.</summary>
    public async Task<long> SizeAsync(TrackedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        RequireRegular(file);
        var text = await _git.RunAsync(["cat-file", "-s", file.ObjectId], cancellationToken).ConfigureAwait(false);
        return long.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>A regular file's content as UTF-8 text.</summary>
    public Task<string> ReadTextAsync(TrackedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        RequireRegular(file);
        return _git.RunAsync(["cat-file", "blob", file.ObjectId], cancellationToken);
    }

    private static void RequireRegular(TrackedFile file)
    {
        if (!file.IsRegularFile)
        {
            throw new InvalidOperationException($"{file.Path} is {file.Kind}, not a file to read.");
        }
    }
}
