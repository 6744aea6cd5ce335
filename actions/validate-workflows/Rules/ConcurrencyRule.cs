using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>concurrency</c> is a group name or a mapping with a non-empty <c>group</c> and a boolean <c>cancel-in-progress</c>.</summary>
public sealed class ConcurrencyRule : Rule
{
    public override string Id => "concurrency";

    public override string Description => "concurrency is a group name or a mapping with a non-empty group and a boolean (or expression) cancel-in-progress.";

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
        switch (node)
        {
            case ScalarNode { IsNull: true } empty:
                context.Report(empty, "\"concurrency\" is empty; give a group name (for example ${{ github.workflow }}-${{ github.ref }})");
                return;
            case MappingNode mapping:
                if (mapping.Get("group") is not ScalarNode { IsNull: false } group || group.Value.Trim().Length == 0)
                {
                    context.Report(mapping.KeyOf("group") is { } key ? key : mapping, "concurrency needs a non-empty \"group\"");
                }

                if (mapping.Get("cancel-in-progress") is { } cancel && cancel is not ScalarNode { IsBoolean: true } && cancel is not ScalarNode { ContainsExpression: true })
                {
                    context.Report(cancel, "\"cancel-in-progress\" must be true, false or an expression");
                }

                return;
        }
    }
}
