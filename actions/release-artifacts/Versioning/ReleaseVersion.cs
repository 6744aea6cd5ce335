using Semver;

namespace Tailpaste.ReleaseArtifacts.Versioning;

/// <summary>
/// A release version: full SemVer 2.0 with an optional leading 'v'. Anything that parses here contains only
/// [0-9A-Za-z.+-] after the prefix, which is what makes it safe to hand to git as a ref name.
/// </summary>
public sealed record ReleaseVersion(SemVersion Version, string Text)
{
    public const string Expected = "a SemVer 2.0 version such as 1.2.3, v1.2.3, 2.0.0-rc.1 or 1.2.3+build.5 (optionally after refs/tags/)";

    public bool IsPrerelease => Version.IsPrerelease;

    /// <summary>The tag names this version may carry, the v-prefixed one first.</summary>
    public IReadOnlyList<string> TagCandidates => ["v" + Text, Text];

    public static bool TryParse(string? value, out ReleaseVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var text = value.StartsWith("refs/tags/", StringComparison.Ordinal) ? value["refs/tags/".Length..] : value;
        if (text.StartsWith('v'))
        {
            text = text[1..];
        }

        if (text.Length == 0 || text.Length > 200 || !SemVersion.TryParse(text, SemVersionStyles.Strict, out var parsed))
        {
            return false;
        }

        version = new ReleaseVersion(parsed, parsed.ToString());
        return true;
    }

    public static int ComparePrecedence(ReleaseVersion a, ReleaseVersion b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return SemVersion.ComparePrecedence(a.Version, b.Version);
    }

    public override string ToString() => Text;
}
