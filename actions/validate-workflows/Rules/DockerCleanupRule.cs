using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>The docker-cleanup step runs even when an earlier step failed, or failed runs leak containers.</summary>
public sealed class DockerCleanupRule : Rule
{
    public const string ActionName = "docker-cleanup";

    public override string Id => "docker-cleanup-always";

    public override string Description => "A step using the docker-cleanup action has if: always() (or !cancelled()) so it also runs after a failure.";

    public override void VisitStep(Step step, RuleContext context)
    {
        if (!step.UsesRepositoryAction(ActionName) || StatusCondition.RunsAfterFailure(step.If))
        {
            return;
        }

        var what = step.If is null ? "has no \"if\"" : $"has \"if: {step.If.Value}\"";
        context.Report(step.If ?? step.Uses!, $"the docker-cleanup step {what}, so it is skipped when an earlier step fails and leaves containers behind; add \"if: always()\" (or \"!cancelled()\")");
    }
}
