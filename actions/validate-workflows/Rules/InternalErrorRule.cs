using Tailpaste.ValidateWorkflows.Engine;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>A rule that threw on a file; reported instead of crashing so the other rules' findings survive.</summary>
public sealed class InternalErrorRule : Rule
{
    public override string Id => Linter.InternalErrorRuleId;

    public override string Description => "A rule failed on the file (a bug in the linter; please report it).";
}
