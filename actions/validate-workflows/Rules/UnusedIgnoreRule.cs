using Tailpaste.ValidateWorkflows.Engine;
using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Ignore comments that silence nothing are reported so they do not pile up.</summary>
public sealed class UnusedIgnoreRule : Rule
{
    public override string Id => Suppressions.UnusedRuleId;

    public override string Description => "Every '# validate-workflows: ignore <rule>' comment silences a finding on its line or the next.";

    public override Severity DefaultSeverity => Severity.Warning;
}
