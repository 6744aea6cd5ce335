using System.Text.RegularExpressions;

namespace Tailpaste.ReleaseArtifacts.Changelog;

/// <summary>
/// Adds a release section to a Keep-a-Changelog style CHANGELOG.md: the section goes above the newest
/// release (below the title and any Unreleased section) and its compare link joins the link definitions
/// at the bottom. Running again for the same version replaces its section instead of adding a second one.
/// </summary>
public static partial class KeepAChangelogFile
{
    public const string Header = """
        # Changelog

        All notable changes to this project are documented in this file.

        The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
        and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

        """;

    public static string Prepend(string? existing, string version, DateOnly date, string notes, string? compareUrl)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(notes);
        var text = string.IsNullOrWhiteSpace(existing) ? Header : existing.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n').ToList();
        RemoveSection(lines, version);

        var heading = compareUrl is null ? $"## {version} - {date:yyyy-MM-dd}" : $"## [{version}] - {date:yyyy-MM-dd}";
        var section = new List<string> { heading, string.Empty };
        section.AddRange(notes.TrimEnd('\n').Split('\n'));
        section.Add(string.Empty);

        var insertAt = lines.FindIndex(l => l.StartsWith("## ", StringComparison.Ordinal) && !IsUnreleased(l));
        if (insertAt < 0)
        {
            insertAt = FirstLinkDefinition(lines);
            if (insertAt > 0 && lines[insertAt - 1].Length > 0)
            {
                section.Insert(0, string.Empty);
            }
        }

        lines.InsertRange(insertAt, section);
        if (compareUrl is not null)
        {
            var linkAt = FirstLinkDefinition(lines, afterUnreleased: true);
            if (linkAt == lines.Count && lines[^1].Length > 0)
            {
                lines.Add(string.Empty);
                linkAt++;
            }

            lines.Insert(linkAt, $"[{version}]: {compareUrl}");
        }

        return string.Join('\n', lines).TrimEnd('\n') + "\n";
    }

    private static void RemoveSection(List<string> lines, string version)
    {
        var start = lines.FindIndex(l => l.StartsWith($"## [{version}]", StringComparison.Ordinal) || l.StartsWith($"## {version} ", StringComparison.Ordinal));
        if (start >= 0)
        {
            var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal) || LinkDefinition().IsMatch(l));
            lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        }

        lines.RemoveAll(l => l.StartsWith($"[{version}]: ", StringComparison.Ordinal));
    }

    private static bool IsUnreleased(string line) => line.Contains("Unreleased", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the block of link definitions at the end starts (the line count when there is none).</summary>
    private static int FirstLinkDefinition(List<string> lines, bool afterUnreleased = false)
    {
        var at = lines.Count;
        while (at > 0 && (LinkDefinition().IsMatch(lines[at - 1]) || (lines[at - 1].Length == 0 && at < lines.Count && LinkDefinition().IsMatch(lines[at]))))
        {
            at--;
        }

        while (at < lines.Count && lines[at].Length == 0)
        {
            at++;
        }

        if (afterUnreleased && at < lines.Count && lines[at].StartsWith("[unreleased]:", StringComparison.OrdinalIgnoreCase))
        {
            at++;
        }

        return at;
    }

    [GeneratedRegex(@"^\[[^\]]+\]: \S+$")]
    private static partial Regex LinkDefinition();
}
