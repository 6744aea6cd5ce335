using System.Globalization;
using Tailpaste.ReleaseArtifacts.Git;

namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>Reads the commits between two release tags with one <c>git log</c> call.</summary>
public sealed class GitHistoryReader
{
    private const char FieldSeparator = '\u001f';
    private readonly GitCli _git;

    public GitHistoryReader(GitCli git)
    {
        _git = git ?? throw new ArgumentNullException(nameof(git));
    }

    /// <summary>Commits reachable from <paramref name="to"/> but not from <paramref name="from"/>, newest first.</summary>
    public async Task<IReadOnlyList<CommitRecord>> ReadAsync(string? from, string to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        List<string> arguments = ["log", "-z", "--format=%H%x1f%P%x1f%an%x1f%ct%x1f%B", to];
        if (from is not null)
        {
            arguments.Add("^" + from);
        }

        arguments.Add("--");
        var text = await _git.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        return Parse(text);
    }

    internal static IReadOnlyList<CommitRecord> Parse(string text)
    {
        var commits = new List<CommitRecord>();
        foreach (var record in text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = record.TrimStart('\n').Split(FieldSeparator, 5);
            if (fields.Length < 5)
            {
                continue;
            }

            var parents = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var time = DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[3], CultureInfo.InvariantCulture));
            commits.Add(new CommitRecord(fields[0], parents, fields[2], time, fields[4].TrimEnd('\n')));
        }

        return commits;
    }
}
