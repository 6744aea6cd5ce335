using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Environment variable names under every <c>env:</c> (workflow, job, step, container, services, action) are
/// usable: not empty, and without '=', '&amp;' or whitespace, which no shell can reference and '=' no process can hold.
/// </summary>
public sealed class EnvNameRule : Rule
{
    public override string Id => "env-name";

    public override string Description => "Environment variable names are not empty and contain no '=', '&' or whitespace.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        Check(workflow.Root.Get("env"), context);
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        Check(job.Body.Get("env"), context);
        Check(job.Body.GetMapping("container")?.Get("env"), context);
        foreach (var (_, service) in job.Body.GetMapping("services")?.Entries ?? [])
        {
            Check((service as MappingNode)?.Get("env"), context);
        }
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        Check(step.Body.Get("env"), context);
    }

    public override void VisitAction(ActionMetadata action, RuleContext context)
    {
        Check(action.Runs?.Get("env"), context);
    }

    private static void Check(Node? env, RuleContext context)
    {
        if (env is not MappingNode mapping)
        {
            return;
        }

        foreach (var (name, _) in mapping.Entries)
        {
            if (name.ContainsExpression)
            {
                continue;
            }

            var bad = name.Value.FirstOrDefault(c => c is '=' or '&' || char.IsWhiteSpace(c));
            if (name.Value.Length == 0)
            {
                context.Report(name, "an environment variable name cannot be empty");
            }
            else if (bad != default)
            {
                var shown = char.IsWhiteSpace(bad) ? "whitespace" : $"'{bad}'";
                context.Report(name, $"environment variable name \"{name.Value}\" contains {shown}; use letters, digits and '_' (a shell cannot read it otherwise)");
            }
        }
    }
}
