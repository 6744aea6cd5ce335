using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>A step's <c>uses</c> is <c>./path</c>, <c>docker://image[:tag]</c> (a tag, when there is a colon) or <c>owner/repo[/path]@ref</c>.</summary>
public sealed partial class UsesFormatRule : Rule
{
    public override string Id => "uses-format";

    public override string Description => "A step's uses is ./path, docker://image or owner/repo[/path]@ref (a uses built by an expression is not checked).";

    public override void VisitStep(Step step, RuleContext context)
    {
        if (step.Uses is not { IsNull: false, ContainsExpression: false } uses)
        {
            return;
        }

        var value = uses.Value;
        if (value.StartsWith("docker://", StringComparison.Ordinal))
        {
            // docker://image:tag with nothing after the colon names no image GitHub can pull.
            var image = value["docker://".Length..];
            var colon = image.LastIndexOf(':');
            if (colon >= 0 && colon > image.LastIndexOf('/') && colon == image.Length - 1)
            {
                context.Report(uses, $"the tag of Docker image \"{value}\" is empty; give one after the colon (docker://image:tag) or leave the colon out");
            }

            return;
        }

        if (LocalReference.Is(value) || Remote().IsMatch(value))
        {
            return;
        }

        var hint = value.Contains('@', StringComparison.Ordinal) ? string.Empty : " (is the @ref missing?)";
        context.Report(uses, $"\"{value}\" is not a valid action reference{hint}; expected ./path, docker://image or owner/repo[/path]@ref");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\s]+)?@[^@\s]+$")]
    private static partial Regex Remote();
}
