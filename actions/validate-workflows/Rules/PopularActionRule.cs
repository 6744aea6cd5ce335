using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Schema;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Steps using a well-known action at a major version (<c>actions/checkout@v4</c>, <c>@v4.2.1</c>): every input
/// given is one the action declares (a typo is silently ignored by the runner), required inputs are given, no
/// input is deprecated, and the major still runs (node12/node16 majors and retired services do not).
/// </summary>
public sealed partial class PopularActionRule : Rule
{
    public override string Id => "action-inputs";

    public override string Description => "Well-known actions (checkout, cache, setup-*, upload/download-artifact, github-script, pages, docker/*, codeql-action, action-gh-release...) get only inputs they declare, all required ones, no deprecated one, at a major version that still runs; only their declared outputs are read.";

    public override void VisitStep(Step step, RuleContext context)
    {
        if (step.Uses is not { ContainsExpression: false } uses || Reference().Match(uses.Value) is not { Success: true } match)
        {
            return;
        }

        var name = match.Groups["name"].Value;
        var major = "v" + match.Groups["major"].Value;
        var repository = string.Join('/', name.Split('/').Take(2));
        if (PopularActions.IsOutdated(name, major) || PopularActions.IsOutdated(repository, major))
        {
            context.Report(uses, $"the runner of \"{uses.Value}\" is too old to run on GitHub Actions (its runtime or service was retired); update to the current major version");
            return;
        }

        if (PopularActions.Find(name, major) is not { } action)
        {
            return;
        }

        var given = step.With?.Entries ?? [];
        foreach (var (key, _) in given)
        {
            if (!action.Inputs.TryGetValue(key.Value, out var input))
            {
                context.Report(key, $"input \"{key.Value}\" is not defined in action \"{action.Spec}\"; its inputs are {KeyList.Quote(action.Inputs.Keys.Order(StringComparer.Ordinal))}");
            }
            else if (input.Deprecated is { } why)
            {
                context.Report(key, $"input \"{key.Value}\" of action \"{action.Spec}\" is deprecated: {why}");
            }
        }

        var missing = action.Inputs.Where(i => i.Value.Required && !i.Value.HasDefault && !given.Any(g => g.Key.Value.Equals(i.Key, StringComparison.OrdinalIgnoreCase)))
            .Select(i => i.Key).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 && step.Body.Get("with") is not Yaml.ScalarNode { ContainsExpression: true })
        {
            context.Report(uses, $"action \"{action.Spec}\" requires input(s) {KeyList.Quote(missing)}, which \"with\" does not give");
        }
    }

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        foreach (var read in StepOutputReference.In(use))
        {
            if (read.Step is not { Uses: { ContainsExpression: false } uses }
                || Reference().Match(uses.Value) is not { Success: true } match
                || PopularActions.Find(match.Groups["name"].Value, "v" + match.Groups["major"].Value) is not { DynamicOutputs: false } action
                || action.Outputs.Contains(read.Output))
            {
                continue;
            }

            var declared = action.Outputs.Count == 0 ? "it has no outputs" : "its outputs are " + KeyList.Quote(action.Outputs.Order(StringComparer.Ordinal));
            context.Report(read.At, $"step \"{read.StepId}\" uses {action.Spec}, which has no output \"{read.Output}\"; {declared}", read.At.Column + read.Output.Length);
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^@\s]+)?)@v(?<major>\d+)(?:\.\d+){0,2}$")]
    private static partial Regex Reference();
}
