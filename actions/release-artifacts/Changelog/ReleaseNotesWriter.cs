using System.Globalization;
using System.Text;

namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>Renders changelog entries as Markdown: one <c>###</c> heading per non-empty section, one line per commit.</summary>
public static class ReleaseNotesWriter
{
    public static string Title(ChangelogGroup group) => group switch
    {
        ChangelogGroup.BreakingChanges => "Breaking changes",
        ChangelogGroup.Features => "Features",
        ChangelogGroup.Fixes => "Fixes",
        ChangelogGroup.Performance => "Performance",
        _ => "Others",
    };

    /// <summary>The body of one release: the sections, or a note that nothing user-visible changed.</summary>
    public static string Render(IReadOnlyList<ChangelogEntry> entries, RepositoryLinks links)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(links);
        if (entries.Count == 0)
        {
            return "_No notable changes._\n";
        }

        var text = new StringBuilder();
        foreach (var group in Enum.GetValues<ChangelogGroup>())
        {
            var inGroup = entries.Where(e => e.Group == group).ToList();
            if (inGroup.Count == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append("### ").Append(Title(group)).Append("\n\n");
            foreach (var entry in inGroup)
            {
                text.Append(Line(entry, links)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Line(ChangelogEntry entry, RepositoryLinks links)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(links);
        var parsed = entry.Parsed;
        var line = new StringBuilder("- ");
        if (entry.Group is ChangelogGroup.Others or ChangelogGroup.BreakingChanges && parsed.Type is { } type)
        {
            line.Append(type).Append(": ");
        }

        if (parsed.Scope is { } scope)
        {
            line.Append("**").Append(Escape(scope)).Append(":** ");
        }

        line.Append(Escape(parsed.Subject));
        if (parsed.PullRequest is { } pr)
        {
            var number = pr.ToString(CultureInfo.InvariantCulture);
            line.Append(links.PullRequest(pr) is { } prUrl ? $" ([#{number}]({prUrl}))" : $" (#{number})");
        }

        var sha = entry.Commit.ShortSha;
        line.Append(links.Commit(entry.Commit.Sha) is { } commitUrl ? $" ([{sha}]({commitUrl}))" : $" ({sha})");
        line.Append(" by ").Append(Escape(entry.Commit.Author));
        if (parsed.BreakingNote is { Length: > 0 } note && !string.Equals(note, parsed.Subject, StringComparison.Ordinal))
        {
            line.Append("\n  - ").Append(Escape(note));
        }

        return line.ToString();
    }

    // Commit text is data: keep it from opening HTML or breaking the list.
    private static string Escape(string text) =>
        text.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
