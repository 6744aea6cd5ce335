using System.Globalization;
using Tailpaste.ReleaseArtifacts.Git;
using Tailpaste.Shared.Actions;

namespace Tailpaste.ReleaseArtifacts.Versioning;

/// <summary>
/// Checks a release against the repository: its tag exists and points at the released commit, and its
/// version is above every other release tag (no going backwards). The previous release is the highest
/// release tag below it. Failures are bad input (exit 2) naming the input and the value.
/// </summary>
public sealed class ReleaseValidator
{
    private readonly GitCli _git;

    public ReleaseValidator(GitCli git)
    {
        _git = git ?? throw new ArgumentNullException(nameof(git));
    }

    /// <param name="strict">Also require the tag to point at <paramref name="commit"/> and to be the highest release (the validate step).</param>
    public async Task<ValidatedRelease> ValidateAsync(ReleaseVersion version, string commit, bool strict = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(commit);
        var tags = await ReadReleaseTagsAsync(cancellationToken).ConfigureAwait(false);
        var tag = version.TagCandidates.Select(name => tags.FirstOrDefault(t => t.Name == name)).FirstOrDefault(t => t is not null);
        if (tag is null)
        {
            // actions/checkout fetches one commit and no tags unless told otherwise: say so rather than leave the user guessing.
            var hint = await _git.IsShallowAsync(cancellationToken).ConfigureAwait(false) ? "; this clone is shallow: check out with fetch-depth: 0 so the tags and history are there" : "; create and push the tag first";
            throw new InputException("version", version.Text, $"an existing tag ({string.Join(" or ", version.TagCandidates)}){hint}");
        }

        var others = tags.Where(t => t.Name != tag.Name).ToList();
        var previous = others.Where(t => ReleaseVersion.ComparePrecedence(t.Version, version) < 0)
            .OrderByDescending(t => t.Version.Version, Semver.SemVersion.PrecedenceComparer).FirstOrDefault();
        var time = await _git.RunAsync(["show", "-s", "--format=%ct", tag.Commit], cancellationToken).ConfigureAwait(false);
        var commitTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(time.Trim(), CultureInfo.InvariantCulture));
        var validated = new ValidatedRelease(version, tag, previous, commitTime);
        if (!strict)
        {
            return validated;
        }

        var released = await ResolveCommitAsync(commit, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException("commit", commit, "a commit that exists in the repository");
        if (!string.Equals(released, tag.Commit, StringComparison.Ordinal))
        {
            throw new InputException("version", version.Text, $"tag {tag.Name} to point at the released commit {Short(released)}, but it points at {Short(tag.Commit)}");
        }

        var notBelow = others.Where(t => ReleaseVersion.ComparePrecedence(t.Version, version) >= 0)
            .OrderByDescending(t => t.Version.Version, Semver.SemVersion.PrecedenceComparer).ToList();
        if (notBelow.Count > 0)
        {
            throw new InputException("version", version.Text, $"a version above every other release; tag {notBelow[0].Name} is already released (no going backwards)");
        }

        return validated;
    }

    /// <summary>Every tag whose name is a release version, with the commit it points at (annotated tags peeled).</summary>
    public async Task<IReadOnlyList<ReleaseTag>> ReadReleaseTagsAsync(CancellationToken cancellationToken = default)
    {
        var text = await _git.RunAsync(["for-each-ref", "--format=%(refname:strip=2)%09%(objectname)%09%(*objectname)", "refs/tags"], cancellationToken).ConfigureAwait(false);
        var tags = new List<ReleaseTag>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && ReleaseVersion.TryParse(parts[0], out var version) && (parts[0] == version!.Text || parts[0] == "v" + version.Text))
            {
                tags.Add(new ReleaseTag(parts[0], version, parts[2].Length > 0 ? parts[2] : parts[1]));
            }
        }

        return tags;
    }

    private async Task<string?> ResolveCommitAsync(string commit, CancellationToken cancellationToken)
    {
        // A leading '-' would be read as an option; nothing else in a revision can harm an argument list.
        if (commit.StartsWith('-'))
        {
            return null;
        }

        var result = await _git.TryRunAsync(["rev-parse", "--verify", "--quiet", commit + "^{commit}"], cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Stdout.Trim() : null;
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
