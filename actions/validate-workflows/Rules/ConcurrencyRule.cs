using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>cancel-in-progress</c> of <c>concurrency</c> is a boolean (a missing or empty group is missing-key's and empty-value's).</summary>
public sealed class ConcurrencyRule : Rule
{
    public override string Id => "concurrency";

    public override string Description => "concurrency's cancel-in-progress is true, false or one expression.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        Check(workflow.Root.Get("concurrency"), context);
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        Check(job.Body.Get("concurrency"), context);
    }

    private static void Check(Node? node, RuleContext context)
    {
        if (node is MappingNode mapping && mapping.Get("cancel-in-progress") is { } cancel
            && cancel is not ScalarNode { IsBoolean: true } && cancel is not ScalarNode { IsSingleExpression: true })
        {
            context.Report(cancel, "\"cancel-in-progress\" must be true, false or one ${{ }} expression");
        }
    }
}
