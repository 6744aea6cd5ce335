using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Conditions that cannot do what they say. An <c>if:</c> with anything outside its single <c>${{ }}</c> — text,
/// a second <c>${{ }}</c>, a space, the newline a <c>|</c> block adds — is a string template, not an expression:
/// it renders to a non-empty string, which is true, so the job or step always runs. A constant expression
/// (<c>true</c>, <c>${{ false }}</c>, <c>1 == 1</c>, <c>startsWith('a', 'a')</c>) decides nothing.
/// </summary>
public sealed class IfConditionRule : Rule
{
    public override string Id => "if-condition";

    public override string Description => "An if: is one expression, written bare or as exactly one ${{ }} with nothing around it (not even a space or a block's newline), and not a constant that decides nothing.";

    public override void VisitJob(Job job, RuleContext context)
    {
        Check(job.Body.GetScalar("if"), context);
        Check((job.Body.Get("snapshot") as MappingNode)?.GetScalar("if"), context);
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        Check(step.If, context);
    }

    private static void Check(ScalarNode? condition, RuleContext context)
    {
        if (condition is null || condition.Value.Length == 0)
        {
            return;
        }

        var value = condition.Value;
        var open = value.IndexOf("${{", StringComparison.Ordinal);
        var close = value.IndexOf("}}", StringComparison.Ordinal);
        var expression = value;
        if (open >= 0 && close >= 0)
        {
            if (open > 0 || close + 2 < value.Length || value.IndexOf("${{", open + 3, StringComparison.Ordinal) >= 0)
            {
                context.Report(condition, $"if: condition \"{Shown(value)}\" is always evaluated to true because extra characters are around ${{{{ }}}}: GitHub renders it as a non-empty string; write the whole condition inside one ${{{{ }}}} with nothing around it, or without ${{{{ }}}} at all");
                return;
            }

            expression = value[(open + 3)..close];
        }

        expression = expression.Trim();
        ExpressionNode tree;
        try
        {
            tree = ExpressionParser.Parse(expression);
        }
        catch (ExpressionSyntaxException)
        {
            return; // expression-syntax reports it
        }

        if (ConstantExpression.Is(tree))
        {
            context.Report(condition, $"constant expression \"{Shown(expression)}\" in condition: it is the same on every run, so the if: decides nothing; remove the if: section (or comment the step out)");
        }
    }

    private static string Shown(string value) => value.Replace("\n", "\\n", StringComparison.Ordinal);
}
