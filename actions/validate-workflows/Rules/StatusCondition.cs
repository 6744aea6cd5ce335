using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Reads an <c>if:</c> to tell whether the step still runs after an earlier step failed.</summary>
public static class StatusCondition
{
    /// <summary>True when the condition calls <c>always()</c> or <c>!cancelled()</c>.</summary>
    public static bool RunsAfterFailure(ScalarNode? condition)
    {
        if (condition is null || condition.IsNull)
        {
            return false;
        }

        var text = condition.Value.Trim();
        if (text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
        {
            text = text[3..^2];
        }

        ExpressionNode tree;
        try
        {
            tree = ExpressionParser.Parse(text);
        }
        catch (ExpressionSyntaxException)
        {
            return false;
        }

        return PropertyPath.Descendants(tree).Any(n =>
            n is CallNode { Name: var name } && name.Equals("always", StringComparison.OrdinalIgnoreCase)
            || n is NotNode { Operand: CallNode { Name: var negated } } && negated.Equals("cancelled", StringComparison.OrdinalIgnoreCase));
    }
}
