using Tailpaste.ValidateWorkflows.Engine;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>YAML that does not parse: reported by the loader with the parser's line and column.</summary>
public sealed class YamlSyntaxRule : Rule
{
    public override string Id => Linter.SyntaxRuleId;

    public override string Description => "The file is valid YAML (one document, scalar keys, no binary content).";
}
