using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>workflow_run</c> lists workflows that exist in this repository (by their <c>name:</c>).</summary>
public sealed class WorkflowRunRule : Rule
{
    public override string Id => "workflow-run";

    // A warning: the workflow may exist on the default branch (where workflow_run is read) but not in this checkout.
    public override Severity DefaultSeverity => Severity.Warning;

    public override string Description => "on.workflow_run.workflows names workflows of this repository (their name:, or file path when unnamed).";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        if (workflow.FindTrigger("workflow_run") is not { } trigger)
        {
            return;
        }

        var names = trigger.Filters?.Get("workflows") switch
        {
            ScalarNode one when !one.IsNull => [one],
            SequenceNode many => many.Items.OfType<ScalarNode>().ToList(),
            _ => null,
        };
        if (names is null)
        {
            context.Report(trigger.Name, "workflow_run needs \"workflows\": the names of the workflows whose runs trigger this one");
            return;
        }

        var known = context.Repository.WorkflowNames;
        if (known.Count == 0)
        {
            // Linted outside its repository (or a repository without workflows): nothing to compare with.
            return;
        }

        foreach (var name in names.Where(n => !n.ContainsExpression && !n.Value.Contains('*', StringComparison.Ordinal)))
        {
            if (!known.Contains(name.Value))
            {
                context.Report(name, $"workflow_run names \"{name.Value}\", which is not the name of any workflow in this checkout; workflows here: {KeyList.Quote(known.Order(StringComparer.Ordinal))}");
            }
        }
    }
}
