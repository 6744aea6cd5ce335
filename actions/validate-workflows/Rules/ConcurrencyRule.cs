using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// <c>cancel-in-progress</c> of <c>concurrency</c> is a boolean and <c>queue</c> is max or single; a queue of many
/// runs cannot also cancel the run in progress (a missing or empty group is missing-key's and empty-value's).
/// </summary>
public sealed class ConcurrencyRule : Rule
{
    public override string Id => "concurrency";

    public override string Description => "concurrency's cancel-in-progress is true, false or one expression; queue is max or single, and queue: max does not go with cancel-in-progress: true.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        Check(workflow.Root.Get("concurrency"), context);
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        Check(job.Body.Get("concurrency"), context);
    }

    private static void Check(Node? node, RuleContext context)
    {
        if (node is not MappingNode mapping)
        {
            return;
        }

        var cancel = mapping.Get("cancel-in-progress");
        if (cancel is not null && cancel is not ScalarNode { IsBoolean: true } && cancel is not ScalarNode { IsSingleExpression: true })
        {
            context.Report(cancel, "\"cancel-in-progress\" must be true, false or one ${{ }} expression");
        }

        if (mapping.Get("queue") is not ScalarNode { ContainsExpression: false } queue)
        {
            return;
        }

        if (queue.Value is not ("max" or "single"))
        {
            context.Report(queue, $"invalid value \"{queue.Value}\" for \"queue\" in \"concurrency\" section; valid values are \"max\" and \"single\"");
        }
        else if (queue.Value == "max" && cancel is ScalarNode { IsBoolean: true } flag && flag.Value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(queue, "\"queue: max\" cannot be combined with \"cancel-in-progress: true\" in \"concurrency\" section: a queue of runs that cancels the run in progress");
        }
    }
}
