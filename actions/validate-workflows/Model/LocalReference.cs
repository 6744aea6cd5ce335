namespace Tailpaste.ValidateWorkflows.Model;

/// <summary>
/// A <c>uses:</c> that names something in this repository: <c>./path</c> (relative to the workspace, after a
/// checkout) or <c>$/path</c> (GitHub's self-repository syntax, 2026: this repository at the running commit, no
/// checkout needed). Both resolve from the repository root for linting.
/// </summary>
public static class LocalReference
{
    public static bool Is(string uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        return uses.StartsWith("./", StringComparison.Ordinal) || uses.StartsWith("$/", StringComparison.Ordinal);
    }

    /// <summary>The reference as a <c>./</c> path from the root (<c>$/x</c> and <c>$/./x</c> become <c>./x</c>).</summary>
    public static string FromRoot(string uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        if (!uses.StartsWith("$/", StringComparison.Ordinal))
        {
            return uses;
        }

        var path = uses[2..];
        return path.StartsWith("./", StringComparison.Ordinal) ? path : "./" + path;
    }
}
