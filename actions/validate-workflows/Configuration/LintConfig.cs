using System.Text.RegularExpressions;

namespace Tailpaste.ValidateWorkflows.Configuration;

/// <summary>
/// The user's config (<c>.github/validate-workflows.yml</c>): extra runner labels, disabled rules, ignored paths,
/// and owners whose actions need no SHA pin besides GitHub's own.
/// </summary>
public sealed record LintConfig
{
    public static LintConfig Empty { get; } = new();

    public IReadOnlySet<string> RunnerLabels { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<string> IgnorePaths { get; init; } = [];

    public IReadOnlySet<string> TrustedOwners { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The config file's full path, when the config came from a file.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The line of <c>ignore-paths</c> in the config file (1 when unknown).</summary>
    public int IgnorePathsLine { get; init; } = 1;

    public bool IsIgnored(string relativePath) =>
        IgnorePaths.Any(glob => Glob.ToRegex(glob).IsMatch(relativePath) || relativePath.StartsWith(glob.TrimEnd('/') + "/", StringComparison.Ordinal));

    public bool IsEnabled(string ruleId) => !DisabledRules.Contains(ruleId);

    internal static Regex LabelPattern { get; } = new("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant);
}
