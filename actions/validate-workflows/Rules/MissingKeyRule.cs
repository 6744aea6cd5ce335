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
        if (root is null)
        {
            var expected = context.File.IsActionMetadata ? "\"name\", \"description\" and \"runs\"" : "\"on\" and \"jobs\"";
            context.Report(Position.Start, $"the file is empty; expected a mapping with {expected}");
        }
    }

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        Require(workflow.Root, "on", "a workflow needs \"on\" (the events that trigger it)", context);
        Require(workflow.Root, "jobs", "a workflow needs \"jobs\"", context);
        Sections(workflow.Root, context);
        switch (workflow.Root.Get("on"))
        {
            case ScalarNode { Value: "schedule" }:
                context.Report(workflow.Root.KeyOf("on")!, "the schedule event needs its cron entries: write on: {schedule: [{cron: ...}]}");
                break;
            case SequenceNode events:
                foreach (var item in events.Items.OfType<ScalarNode>().Where(e => e.Value is "schedule" or "repository_dispatch"))
                {
                    context.Report(item, $"the {item.Value} event cannot be listed in a sequence: it needs its settings in a mapping under \"on\"");
                }

                break;
        }
        if (workflow.Root.Get("jobs") is MappingNode { Entries.Count: 0 } jobs)
        {
            context.Report(jobs, "\"jobs\" is empty; a workflow needs at least one job");
        }
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        if (!job.Body.Has("runs-on") && !job.Body.Has("uses"))
        {
            context.Report(job.Id, $"job \"{job.Id.Value}\" needs \"runs-on\" (or \"uses\" to call a reusable workflow)");
        }

        // An empty or misshapen steps: is no steps at all for the runner.
        if (!job.IsWorkflowCall && job.Body.Get("steps") is not SequenceNode { Items.Count: > 0 })
        {
            context.Report(job.Id, $"job \"{job.Id.Value}\" needs \"steps\" (a non-empty list)");
        }

        Sections(job.Body, context);
        Credentials(job.Body.GetMapping("container"), context);
        if (job.Body.GetMapping("snapshot") is { } snapshot && !snapshot.Has("image-name"))
        {
            context.Report(job.Body.KeyOf("snapshot")!, "\"snapshot\" needs \"image-name\": the custom image to create from this job");
        }

        if (job.Body.GetMapping("container") is { } container && !container.Has("image"))
        {
            context.Report(job.Body.KeyOf("container")!, "\"container\" needs \"image\": the image the job runs in");
        }

        foreach (var (name, service) in job.Body.GetMapping("services")?.Entries ?? [])
        {
            Credentials(service as MappingNode, context);
            if (service is MappingNode mapping && !mapping.Has("image"))
            {
                context.Report(name, $"service \"{name.Value}\" needs \"image\": the image of the service container");
            }
        }
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        if (!step.Body.Has("run") && !step.Body.Has("uses"))
        {
            context.Report(step.Body, $"step {step.Label} needs \"run\" or \"uses\"");
        }
    }

    public override void VisitAction(ActionMetadata action, RuleContext context)
    {
        Require(action.Root, "name", "an action needs \"name\"", context);
        Require(action.Root, "description", "an action needs \"description\"", context);
        Require(action.Root, "runs", "an action needs \"runs\"", context);
    }

    /// <summary>concurrency needs group; environment needs name; defaults needs run.</summary>
    private static void Sections(MappingNode owner, RuleContext context)
    {
        if (owner.Get("concurrency") is MappingNode concurrency && !concurrency.Has("group"))
        {
            context.Report(owner.KeyOf("concurrency")!, "\"concurrency\" needs \"group\"");
        }

        if (owner.Get("environment") is MappingNode environment && !environment.Has("name"))
        {
            context.Report(owner.KeyOf("environment")!, "\"environment\" needs \"name\"");
        }

        if (owner.Get("defaults") is MappingNode { Entries.Count: > 0 } defaults && !defaults.Has("run"))
        {
            context.Report(defaults, "\"defaults\" needs \"run\" (shell, working-directory)");
        }
    }

    private static void Credentials(MappingNode? container, RuleContext context)
    {
        if (container?.Get("credentials") is MappingNode credentials && (!credentials.Has("username") || !credentials.Has("password")))
        {
            context.Report(container.KeyOf("credentials")!, "\"credentials\" needs both \"username\" and \"password\"");
        }
    }

    private static void Require(MappingNode mapping, string key, string message, RuleContext context)
    {
        if (!mapping.Has(key))
        {
            context.Report(mapping.Start, message);
        }
    }
}
