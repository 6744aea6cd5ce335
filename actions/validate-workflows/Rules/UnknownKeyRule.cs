using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Schema;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Keys a section does not define (typos such as <c>default:</c> for <c>defaults:</c>), with the expected keys.</summary>
public sealed class UnknownKeyRule : Rule
{
    public override string Id => "unknown-key";

    public override string Description => "Every key is one the section defines (workflow, events and filters, job, step, strategy, container, services, concurrency, defaults, action.yml).";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        Check(workflow.Root, Keys.Workflow, "workflow", context);
        Concurrency(workflow.Root.Get("concurrency"), context);
        Defaults(workflow.Root.Get("defaults"), context);
        foreach (var trigger in workflow.Triggers)
        {
            if (trigger.Filters is not { } filters || !Events.ActivityTypes.ContainsKey(trigger.Name.Value))
            {
                continue;
            }

            Check(filters, Events.FilterKeys(trigger.Name.Value), $"\"{trigger.Name.Value}\" event", context);
            switch (trigger.Name.Value)
            {
                case "workflow_dispatch":
                    Each(filters.Get("inputs"), Keys.DispatchInput, "workflow_dispatch input", context);
                    break;
                case "workflow_call":
                    Each(filters.Get("inputs"), Keys.CallInput, "workflow_call input", context);
                    Each(filters.Get("outputs"), Keys.CallOutput, "workflow_call output", context);
                    Each(filters.Get("secrets"), Keys.CallSecret, "workflow_call secret", context);
                    break;
            }
        }

        if (workflow.FindTrigger("schedule")?.Body is SequenceNode schedules)
        {
            foreach (var item in schedules.Items)
            {
                Check(item, Keys.Schedule, "schedule", context);
            }
        }
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        if (job.IsWorkflowCall)
        {
            Check(job.Body, Keys.CallJob, "job calling a reusable workflow", context);
        }
        else
        {
            Check(job.Body, Keys.Job, "job", context);
        }

        Check(job.Body.Get("strategy"), Keys.Strategy, "strategy", context);
        Check(job.Body.Get("runs-on"), Keys.RunsOn, "runs-on", context);
        Check(job.Body.Get("environment"), Keys.Environment, "environment", context);
        Check(job.Body.Get("snapshot"), Keys.Snapshot, "snapshot", context);
        Concurrency(job.Body.Get("concurrency"), context);
        Defaults(job.Body.Get("defaults"), context);
        Container(job.Body.Get("container"), "container", context);
        if (job.Body.Get("services") is MappingNode services)
        {
            foreach (var (_, service) in services.Entries)
            {
                Check(service, Keys.Service, "service", context);
                Check((service as MappingNode)?.Get("credentials"), Keys.Credentials, "credentials", context);
            }
        }
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        Check(step.Body, step.Job is null ? Keys.CompositeStep : Keys.Step, step.Job is null ? "composite action step" : "step", context);
    }

    public override void VisitAction(ActionMetadata action, RuleContext context)
    {
        Check(action.Root, Keys.Action, "action metadata", context);
        Each(action.Root.Get("inputs"), Keys.ActionInput, "action input", context);
        Each(action.Root.Get("outputs"), Keys.ActionOutput, "action output", context);
        Check(action.Root.Get("branding"), Keys.Branding, "branding", context);
        var runs = action.Using switch
        {
            "docker" => Keys.DockerRuns,
            "composite" => Keys.CompositeRuns,
            { } node when node.StartsWith("node", StringComparison.Ordinal) => Keys.NodeRuns,
            _ => null,
        };
        if (runs is not null)
        {
            Check(action.Runs, runs, $"runs (using: {action.Using})", context);
        }
    }

    /// <summary>A merge key is refused anywhere, also in mappings whose keys are free (env, with, outputs, matrix).</summary>
    public override void VisitDocument(Node? root, RuleContext context)
    {
        if (!context.File.Text.Contains("<<", StringComparison.Ordinal))
        {
            return; // no merge key anywhere: spare the walk
        }

        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Node>();
        if (root is not null)
        {
            pending.Push(root);
        }

        while (pending.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }

            foreach (var child in node is SequenceNode sequence ? sequence.Items : (node as MappingNode)?.Entries.Select(e => e.Value) ?? [])
            {
                pending.Push(child);
            }

            foreach (var (key, _) in (node as MappingNode)?.Entries ?? [])
            {
                if (key.Value == "<<" && key.IsPlain)
                {
                    context.Report(key, MergeKey);
                }
            }
        }
    }

    private const string MergeKey = "GitHub does not support YAML merge keys (\"<<\"); repeat the keys, or share a whole value with an anchor and an alias";

    private static void Concurrency(Node? node, RuleContext context) => Check(node, Keys.Concurrency, "concurrency", context);

    private static void Defaults(Node? node, RuleContext context)
    {
        Check(node, Keys.Defaults, "defaults", context);
        Check((node as MappingNode)?.Get("run"), Keys.DefaultsRun, "defaults.run", context);
    }

    private static void Container(Node? node, string section, RuleContext context)
    {
        Check(node, Keys.Container, section, context);
        Check((node as MappingNode)?.Get("credentials"), Keys.Credentials, "credentials", context);
    }

    private static void Each(Node? node, IReadOnlyList<string> allowed, string section, RuleContext context)
    {
        foreach (var (_, value) in (node as MappingNode)?.Entries ?? [])
        {
            Check(value, allowed, section, context);
        }
    }

    private static void Check(Node? node, IReadOnlyList<string> allowed, string section, RuleContext context)
    {
        if (node is not MappingNode mapping)
        {
            return;
        }

        foreach (var (key, _) in mapping.Entries)
        {
            if (key.Value == "<<" && key.IsPlain)
            {
                context.Report(key, MergeKey);
            }
            else if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                context.Report(key, $"unexpected key \"{key.Value}\" for {section}; expected one of {KeyList.Quote(allowed)}");
            }
        }
    }
}
