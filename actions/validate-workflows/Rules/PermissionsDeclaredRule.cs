using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Every job runs with explicitly declared token permissions (workflow or job level), not the repository default.</summary>
public sealed class PermissionsDeclaredRule : Rule
{
    public override string Id => "permissions-declared";

    public override string Description => "permissions: is declared at the workflow level or on every job, so the token gets no more than it needs.";

    public override Findings.Severity DefaultSeverity => Findings.Severity.Warning;

    public override void VisitJob(Job job, RuleContext context)
    {
        if (!job.Workflow.Root.Has("permissions") && !job.Body.Has("permissions"))
        {
            context.Report(job.Id, $"job \"{job.Id.Value}\" runs with the repository's default token permissions; declare \"permissions:\" for the workflow or this job (for example \"contents: read\")");
        }
    }
}
