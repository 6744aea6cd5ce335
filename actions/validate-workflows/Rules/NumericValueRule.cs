using System.Globalization;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>timeout-minutes</c> is a positive number, <c>max-parallel</c> a positive whole number, flags are booleans.</summary>
public sealed class NumericValueRule : Rule
{
    public override string Id => "numeric-value";

    public override string Description => "timeout-minutes is a positive number, max-parallel a positive whole number, continue-on-error, fail-fast and environment.deployment booleans (or expressions).";

    public override void VisitJob(Job job, RuleContext context)
    {
        Number(job.Body.Get("timeout-minutes"), "timeout-minutes", wholeOnly: false, context);
        Boolean(job.Body.Get("continue-on-error"), "continue-on-error", context);
        Boolean(job.Body.GetMapping("environment")?.Get("deployment"), "deployment", context);
        if (job.Body.GetMapping("strategy") is { } strategy)
        {
            Number(strategy.Get("max-parallel"), "max-parallel", wholeOnly: true, context);
            Boolean(strategy.Get("fail-fast"), "fail-fast", context);
        }
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        Number(step.Body.Get("timeout-minutes"), "timeout-minutes", wholeOnly: false, context);
        Boolean(step.Body.Get("continue-on-error"), "continue-on-error", context);
    }

    private static void Number(Node? node, string key, bool wholeOnly, RuleContext context)
    {
        if (node is null || node is ScalarNode { IsSingleExpression: true })
        {
            return;
        }

        var ok = node is ScalarNode { IsPlain: true } scalar
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value > 0
            && (!wholeOnly || value == Math.Floor(value));
        if (!ok)
        {
            var shown = node is ScalarNode s ? $"\"{s.Value}\"" : $"a {node.KindName}";
            context.Report(node, $"\"{key}\" must be a {(wholeOnly ? "positive whole number" : "positive number")}, not {shown}");
        }
    }

    private static void Boolean(Node? node, string key, RuleContext context)
    {
        if (node is null or ScalarNode { IsSingleExpression: true } or ScalarNode { IsBoolean: true })
        {
            return;
        }

        var shown = node is ScalarNode s ? $"\"{s.Value}\"" : $"a {node.KindName}";
        context.Report(node, $"\"{key}\" must be true, false or an expression, not {shown}");
    }
}
