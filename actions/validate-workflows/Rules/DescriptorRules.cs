using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>YAML that does not parse: reported by the loader with the parser's line and column.</summary>
public sealed class YamlSyntaxRule : Rule
{
    public override string Id => Linter.SyntaxRuleId;

    public override string Description => "The file is valid YAML (one document, scalar keys, no binary content).";
}

/// <summary>Alias bombs, absurd nesting and huge files stop the loader with this finding instead of a hang.</summary>
public sealed class YamlLimitsRule : Rule
{
    public override string Id => Linter.LimitsRuleId;

    public override string Description => "The file stays within the loader's bounds on size, nesting depth and alias expansion.";
}

/// <summary>Ignore comments that silence nothing are reported so they do not pile up.</summary>
public sealed class UnusedIgnoreRule : Rule
{
    public override string Id => Suppressions.UnusedRuleId;

    public override string Description => "Every '# validate-workflows: ignore <rule>' comment silences a finding on its line or the next.";

    public override Severity DefaultSeverity => Severity.Warning;
}

/// <summary>A rule that threw on a file; reported instead of crashing so the other rules' findings survive.</summary>
public sealed class InternalErrorRule : Rule
{
    public override string Id => Linter.InternalErrorRuleId;

    public override string Description => "A rule failed on the file (a bug in the linter; please report it).";
}
