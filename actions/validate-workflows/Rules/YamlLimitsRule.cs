using Tailpaste.ValidateWorkflows.Engine;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Alias bombs, absurd nesting and huge files stop the loader with this finding instead of a hang.</summary>
public sealed class YamlLimitsRule : Rule
{
    public override string Id => Linter.LimitsRuleId;

    public override string Description => "The file stays within the loader's bounds on size, nesting depth and alias expansion.";
}
