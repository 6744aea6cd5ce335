using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>A config whose ignore-paths exclude every file would make the run pass without checking anything.</summary>
public sealed class NothingLintedRule : Rule
{
    public override string Id => Linter.NothingLintedRuleId;

    public override string Description => "The config's ignore-paths leave at least one file to lint.";

    public override Severity DefaultSeverity => Severity.Warning;
}
