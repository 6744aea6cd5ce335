using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// An <c>if:</c> with text outside its <c>${{ }}</c> (<c>${{ a }} &amp;&amp; b</c>, <c>x == ${{ y }}</c>) is a string
/// template, not an expression: it renders to a non-empty string, which is true, so the job or step always runs.
/// </summary>
public sealed class IfConditionRule : Rule
{
    public override string Id => "if-condition";

    public override string Description => "An if: is one expression, written bare or as a single ${{ }}; text outside ${{ }} makes it a string that is always true.";

    public override void VisitJob(Job job, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        Check(job.Body.GetScalar("if"), context);
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(step);
        Check(step.If, context);
    }

    private static void Check(ScalarNode? condition, RuleContext context)
    {
        if (condition is null || !condition.ContainsExpression)
        {
            return;
        }

        var text = condition.Value.Trim();
        var open = text.IndexOf("${{", StringComparison.Ordinal);
        var close = text.IndexOf("}}", open + 3, StringComparison.Ordinal);
        var single = open == 0 && close == text.Length - 2;
        if (single)
        {
            return;
        }

        context.Report(condition, $"\"if: {condition.Value}\" has text outside its ${{{{ }}}}, so GitHub renders it as a non-empty string and it is always true; write the whole condition inside one ${{{{ }}}} or without ${{{{ }}}} at all");
    }
}
