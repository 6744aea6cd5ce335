using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Step ids are unique within a job (or a composite action), ignoring case.</summary>
public sealed class DuplicateStepIdRule : Rule
{
    public override string Id => "duplicate-step-id";

    public override string Description => "Step ids are unique within their job or composite action (case-insensitively).";

    public override void VisitJob(Job job, RuleContext context)
    {
        Check(job.Steps, $"job \"{job.Id.Value}\"", context);
    }

    public override void VisitAction(ActionMetadata action, RuleContext context)
    {
        Check(action.Steps, "this action", context);
    }

    private static void Check(IReadOnlyList<Step> steps, string owner, RuleContext context)
    {
        var seen = new Dictionary<string, ScalarNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in steps.Select(s => s.Id).OfType<ScalarNode>().Where(i => !i.IsNull && !i.ContainsExpression))
        {
            if (seen.TryGetValue(id.Value, out var first))
            {
                context.Report(id, $"step id \"{id.Value}\" is already used in {owner} at line {first.Start.Line}; step ids must be unique");
            }
            else
            {
                seen[id.Value] = id;
            }
        }
    }
}
