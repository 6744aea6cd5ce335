using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Engine;

/// <summary>
/// The findings the linter itself makes rather than a rule: a file that cannot be read or loaded (the reader's
/// and the YAML loader's verdicts), ignore comments that silence nothing, a selection with nothing left to
/// lint, and a rule that threw. They can be disabled like rules.
/// </summary>
public static class EngineChecks
{
    public static CheckInfo YamlSyntax { get; } = new("yaml-syntax", "The file is valid YAML (one document, scalar keys, no binary content).", Severity.Error);

    public static CheckInfo YamlLimits { get; } = new("yaml-limits", "The file stays within the loader's bounds on size, nesting depth and alias expansion.", Severity.Error);

    public static CheckInfo FileAccess { get; } = new("file-access", "A linted file is a regular file inside the repository: a symbolic link leading out of it is refused unread.", Severity.Error);

    public static CheckInfo UnusedIgnore { get; } = new("unused-ignore", "Every '# validate-workflows: ignore <rule>' comment silences a finding on its line or the next.", Severity.Warning);

    public static CheckInfo NothingLinted { get; } = new("nothing-linted", "The config's ignore-paths leave at least one file to lint.", Severity.Warning);

    public static CheckInfo InternalError { get; } = new("internal-error", "A rule failed on the file (a bug in the linter; please report it).", Severity.Error);

    /// <summary>Every check users can name, in the order the README lists them: loading first, then the rules, then the rest.</summary>
    public static IReadOnlyList<CheckInfo> Catalog(IEnumerable<Rules.Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return [YamlSyntax, YamlLimits, FileAccess, .. rules.Select(r => r.Info), UnusedIgnore, NothingLinted, InternalError];
    }
}
