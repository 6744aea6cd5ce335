using System.Text.RegularExpressions;

namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>
/// A commit message read as a Conventional Commit (<c>type(scope)!: subject</c>, <c>BREAKING CHANGE:</c> footer).
/// A message that does not follow the convention keeps its first line as the subject and has no type.
/// </summary>
public sealed partial record ConventionalCommit(string? Type, string? Scope, string Subject, bool IsBreaking, string? BreakingNote, int? PullRequest)
{
    public bool IsConventional => Type is not null;

    public static ConventionalCommit Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines[0].Trim();
        var footer = BreakingFooter().Match(message);
        var note = footer.Success ? footer.Groups["note"].Value.Trim() : null;
        var match = Header().Match(header);
        if (!match.Success)
        {
            var (plain, plainPr) = SplitPullRequest(header);
            return new ConventionalCommit(null, null, plain, footer.Success, note, plainPr);
        }

        var (subject, pr) = SplitPullRequest(match.Groups["subject"].Value.Trim());
        var scope = match.Groups["scope"].Success && match.Groups["scope"].Value.Trim().Length > 0 ? match.Groups["scope"].Value.Trim() : null;
        var breaking = match.Groups["bang"].Success || footer.Success;
        return new ConventionalCommit(match.Groups["type"].Value.ToLowerInvariant(), scope, subject, breaking, note, pr);
    }

    private static (string Subject, int? PullRequest) SplitPullRequest(string subject)
    {
        var pr = PullRequestSuffix().Match(subject);
        return pr.Success && int.TryParse(pr.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? (subject[..pr.Index].TrimEnd(), number)
            : (subject, null);
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z][A-Za-z0-9-]*)(?:\((?<scope>[^()\n]*)\))?(?<bang>!)?: +(?<subject>\S.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^BREAKING[ -]CHANGE: *(?<note>.+)$", RegexOptions.Multiline)]
    private static partial Regex BreakingFooter();

    [GeneratedRegex(@"\s*\(#(?<number>\d{1,9})\)$")]
    private static partial Regex PullRequestSuffix();
}
