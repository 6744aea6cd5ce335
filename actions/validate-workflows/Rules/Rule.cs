using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Findings;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// One check with a stable id. The linter walks each file once and calls the callbacks a rule overrides,
/// in document order: the raw document, the workflow, each job (then its steps), each expression, the end.
/// </summary>
public abstract class Rule
{
    /// <summary>The stable id users write in configs and ignore comments.</summary>
    public abstract string Id { get; }

    public abstract string Description { get; }

    public virtual Severity DefaultSeverity => Severity.Error;

    public CheckInfo Info => new(Id, Description, DefaultSeverity);

    /// <summary>
    /// Any YAML file that loaded, before its shape is known (duplicate keys live here); <paramref name="root"/>
    /// is null when the file holds no document at all. The model is only built when the root is a mapping.
    /// </summary>
    public virtual void VisitDocument(Node? root, RuleContext context)
    {
    }

    public virtual void VisitWorkflow(Workflow workflow, RuleContext context)
    {
    }

    public virtual void VisitJob(Job job, RuleContext context)
    {
    }

    /// <summary>A step of a workflow job, or of a composite action (then <see cref="Step.Job"/> is null).</summary>
    public virtual void VisitStep(Step step, RuleContext context)
    {
    }

    public virtual void VisitExpression(ExpressionUse use, RuleContext context)
    {
    }

    public virtual void VisitWorkflowEnd(Workflow workflow, RuleContext context)
    {
    }

    public virtual void VisitAction(ActionMetadata action, RuleContext context)
    {
    }
}
