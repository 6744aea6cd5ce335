using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Git;

/// <summary>
/// A git commit id as the actions accept it from an input, a label or GITHUB_SHA: 7 to 64 hex digits (abbreviated,
/// SHA-1 or SHA-256), kept lower-cased so the same commit is always written the same way.
/// </summary>
public static partial class CommitId
{
    public const string Expected = "a git commit id (7 to 64 hex digits)";

    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    /// <summary>The id lower-cased, or null when <paramref name="text"/> is not one.</summary>
    public static string? Normalize(string? text) => IsValid(text) ? text!.ToLowerInvariant() : null;

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
