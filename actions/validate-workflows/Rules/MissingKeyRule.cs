using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Keys GitHub requires: <c>on</c> and <c>jobs</c>; <c>runs-on</c> or <c>uses</c> for a job; <c>run</c> or <c>uses</c> for a step.</summary>
public sealed class MissingKeyRule : Rule
{
    public override string Id => "missing-key";

    public override string Description => "Required keys are present: on and jobs; runs-on (or uses) for a job; run or uses for a step; name, description and runs for an action.";

    public override void VisitDocument(Node? root, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (root is null)
        {
            var expected = context.File.IsActionMetadata ? "\"name\", \"description\" and \"runs\"" : "\"on\" and \"jobs\"";
            context.Report(Position.Start, $"the file is empty; expected a mapping with {expected}");
        }
    }

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        Require(workflow.Root, "on", "a workflow needs \"on\" (the events that trigger it)", context);
        Require(workflow.Root, "jobs", "a workflow needs \"jobs\"", context);
        if (workflow.Root.Get("jobs") is MappingNode { Entries.Count: 0 } jobs)
        {
            context.Report(jobs, "\"jobs\" is empty; a workflow needs at least one job");
        }
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!job.Body.Has("runs-on") && !job.Body.Has("uses"))
        {
            context.Report(job.Id, $"job \"{job.Id.Value}\" needs \"runs-on\" (or \"uses\" to call a reusable workflow)");
        }

        if (!job.IsWorkflowCall && !job.Body.Has("steps"))
        {
            context.Report(job.Id, $"job \"{job.Id.Value}\" needs \"steps\"");
        }
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!step.Body.Has("run") && !step.Body.Has("uses"))
        {
            context.Report(step.Body, $"step {step.Label} needs \"run\" or \"uses\"");
        }
    }

    public override void VisitAction(ActionMetadata action, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(action);
        Require(action.Root, "name", "an action needs \"name\"", context);
        Require(action.Root, "description", "an action needs \"description\"", context);
        Require(action.Root, "runs", "an action needs \"runs\"", context);
    }

    private static void Require(MappingNode mapping, string key, string message, RuleContext context)
    {
        if (!mapping.Has(key))
        {
            context.Report(mapping.Start, message);
        }
    }
}
