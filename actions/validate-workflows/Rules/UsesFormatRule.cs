using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>A step's <c>uses</c> is <c>./path</c>, <c>docker://image</c> or <c>owner/repo[/path]@ref</c>.</summary>
public sealed partial class UsesFormatRule : Rule
{
    public override string Id => "uses-format";

    public override string Description => "A step's uses is ./path, docker://image or owner/repo[/path]@ref, and no uses (step or reusable-workflow job) contains an expression.";

    public override void VisitStep(Step step, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(context);
        if (step.Uses is not { IsNull: false } uses || NoExpression(uses, context))
        {
            return;
        }

        var value = uses.Value;
        if (value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("docker://", StringComparison.Ordinal) || Remote().IsMatch(value))
        {
            return;
        }

        var hint = value.Contains('@', StringComparison.Ordinal) ? string.Empty : " (is the @ref missing?)";
        context.Report(uses, $"\"{value}\" is not a valid action reference{hint}; expected ./path, docker://image or owner/repo[/path]@ref");
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(context);
        if (job.Uses is { IsNull: false } uses)
        {
            NoExpression(uses, context);
        }
    }

    /// <summary>GitHub resolves actions and reusable workflows before it evaluates anything: uses is literal.</summary>
    private static bool NoExpression(ScalarNode uses, RuleContext context)
    {
        if (!uses.ContainsExpression)
        {
            return false;
        }

        context.Report(uses, $"\"uses: {uses.Value}\" contains an expression, but GitHub resolves uses before it evaluates expressions; write the reference literally");
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\s]+)?@[^@\s]+$")]
    private static partial Regex Remote();
}
