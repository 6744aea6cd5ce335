using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>A step's <c>uses</c> is <c>./path</c>, <c>docker://image</c> or <c>owner/repo[/path]@ref</c>.</summary>
public sealed partial class UsesFormatRule : Rule
{
    public override string Id => "uses-format";

    public override string Description => "A step's uses is ./path, docker://image or owner/repo[/path]@ref (a uses built by an expression is not checked).";

    public override void VisitStep(Step step, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(context);
        if (step.Uses is not { IsNull: false, ContainsExpression: false } uses)
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

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\s]+)?@[^@\s]+$")]
    private static partial Regex Remote();
}
