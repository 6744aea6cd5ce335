using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// <c>uses: ./path</c> (or <c>$/path</c>) steps: the action.yml exists and parses, required inputs are given, no
/// unknown or deprecated inputs, and <c>steps.&lt;id&gt;.outputs.&lt;name&gt;</c> names an output the action declares.
/// </summary>
public sealed class LocalActionRule : Rule
{
    public override string Id => "local-action";

    public override string Description => "Local actions (uses: ./path or $/path) exist and parse; with: gives every required input and no unknown or deprecated one; referenced outputs exist.";

    public override void VisitStep(Step step, RuleContext context)
    {
        if (!step.UsesLocalAction || step.Uses is not { } uses || uses.ContainsExpression)
        {
            return;
        }

        if (IsWorkflowPath(uses.Value))
        {
            context.Report(uses, $"\"{uses.Value}\" is a reusable workflow; call it with \"uses\" on a job, not on a step");
            return;
        }

        var loaded = context.Repository.Action(uses.Value);
        if (loaded.IsMissing)
        {
            // Often checked out or built by an earlier step; only its run can tell.
            return;
        }

        if (loaded.Value is not { } action)
        {
            context.Report(uses, $"local action \"{uses.Value}\" cannot be used: {loaded.Error}");
            return;
        }

        var with = step.With;
        var given = with?.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var missing = action.Inputs.Values.Where(i => i.Required && !i.HasDefault && !given.Contains(i.Name.Value)).Select(i => i.Name.Value).ToList();
        if (missing.Count > 0)
        {
            context.Report(uses, $"local action \"{uses.Value}\" requires input(s) {KeyList.Quote(missing)}, which \"with\" does not give");
        }

        foreach (var (key, _) in with?.Entries ?? [])
        {
            if (!action.Inputs.TryGetValue(key.Value, out var input))
            {
                var known = action.Inputs.Count == 0 ? "it has no inputs" : "it declares " + KeyList.Quote(action.Inputs.Keys.Order(StringComparer.Ordinal));
                context.Report(key, $"local action \"{uses.Value}\" has no input \"{key.Value}\"; {known}");
            }
            else if (input.DeprecationMessage is { } why && !input.Required)
            {
                // A required input cannot be avoided, deprecated or not.
                context.Report(key, $"input \"{key.Value}\" of local action \"{uses.Value}\" is deprecated: {why}");
            }
        }
    }

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        foreach (var read in StepOutputReference.In(use))
        {
            if (read.Step is not { UsesLocalAction: true, Uses: { ContainsExpression: false } uses } || IsWorkflowPath(uses.Value)
                || context.Repository.Action(uses.Value).Value is not { } action || action.Outputs.Contains(read.Output))
            {
                continue;
            }

            var declared = action.Outputs.Count == 0 ? "it declares no outputs" : "it declares " + KeyList.Quote(action.Outputs.Order(StringComparer.Ordinal));
            context.Report(read.At, $"step \"{read.StepId}\" uses {uses.Value}, which has no output \"{read.Output}\"; {declared}", read.At.Column + read.Output.Length);
        }
    }

    internal static bool IsWorkflowPath(string uses) =>
        uses.Contains(".github/workflows/", StringComparison.Ordinal) && (uses.EndsWith(".yml", StringComparison.Ordinal) || uses.EndsWith(".yaml", StringComparison.Ordinal));
}
