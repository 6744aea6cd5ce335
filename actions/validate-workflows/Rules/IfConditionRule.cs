using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Conditions that cannot do what they say. An <c>if:</c> with anything outside its single <c>${{ }}</c> — text,
/// a second <c>${{ }}</c>, a space, the newline a <c>|</c> block adds — is a string template, not an expression:
/// it renders to a non-empty string, which is true, so the job or step always runs. A bare <c>true</c> or
/// <c>false</c> is a constant: the if: decides nothing.
/// </summary>
public sealed class IfConditionRule : Rule
{
    public override string Id => "if-condition";

    public override string Description => "An if: is one expression, written bare or as exactly one ${{ }} with nothing around it (not even a space or a block's newline); a bare true or false decides nothing.";

    public override void VisitJob(Job job, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        Check(job.Body.GetScalar("if"), context);
        Check((job.Body.Get("snapshot") as MappingNode)?.GetScalar("if"), context);
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(step);
        Check(step.If, context);
    }

    private static void Check(ScalarNode? condition, RuleContext context)
    {
        if (condition is null || condition.Value.Length == 0)
        {
            return;
        }

        var value = condition.Value;
        if (!condition.ContainsExpression)
        {
            var constant = value.Trim();
            if (constant is "true" or "false")
            {
                context.Report(condition, $"condition \"{Shown(value)}\" is always evaluated to {constant}; remove the if: or write a real condition");
            }

            return;
        }

        var single = value.StartsWith("${{", StringComparison.Ordinal) && value.EndsWith("}}", StringComparison.Ordinal)
            && value.IndexOf("${{", 3, StringComparison.Ordinal) < 0;
        if (!single)
        {
            context.Report(condition, $"if: condition \"{Shown(value)}\" is always evaluated to true because extra characters are around ${{{{ }}}}: GitHub renders it as a non-empty string; write the whole condition inside one ${{{{ }}}} with nothing around it, or without ${{{{ }}}} at all");
        }
    }

    private static string Shown(string value) => value.Replace("\n", "\\n", StringComparison.Ordinal);
}
