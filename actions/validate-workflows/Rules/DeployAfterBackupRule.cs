using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// A job that deploys (uses the deploy action) is preceded by a backup (the backup-restore action in backup
/// mode) in the same job or in a job it needs, and declares a concurrency group so two deploys never overlap.
/// </summary>
public sealed class DeployAfterBackupRule : Rule
{
    public const string DeployAction = "deploy";
    public const string BackupAction = "backup-restore";

    public override string Id => "deploy-after-backup";

    public override string Description => "A job using the deploy action runs after a backup (backup-restore with mode: backup, in the job or a needed job) and has a concurrency group.";

    public override void VisitJob(Job job, RuleContext context)
    {
        var deploy = job.Steps.FirstOrDefault(s => s.UsesRepositoryAction(DeployAction));
        if (deploy is null)
        {
            return;
        }

        var backedUp = job.Steps.Any(s => s.Index < deploy.Index && IsBackup(s, context)) || NeededJobs(job).Any(j => j.Steps.Any(s => IsBackup(s, context)));
        if (!backedUp)
        {
            context.Report(deploy.Uses!, $"job \"{job.Id.Value}\" deploys without a backup first; add a backup-restore step with \"mode: backup\" before this step, or in a job listed in needs");
        }

        if (!job.Body.Has("concurrency") && !job.Workflow.Root.Has("concurrency"))
        {
            context.Report(job.Id, $"job \"{job.Id.Value}\" deploys but declares no \"concurrency\" group, so two deploys can overlap; add for example \"concurrency: deploy-${{{{ github.ref }}}}\"");
        }
    }

    private static bool IsBackup(Step step, RuleContext context)
    {
        if (!step.UsesRepositoryAction(BackupAction))
        {
            return false;
        }

        var mode = step.With?.GetScalar("mode")?.Value;
        if (mode is null && context.Repository.Action(step.Uses!.Value).Value is { } action && action.Inputs.TryGetValue("mode", out var input))
        {
            mode = input.Body?.GetScalar("default")?.Value;
        }

        return string.Equals(mode, "backup", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<Job> NeededJobs(Job job)
    {
        var seen = new HashSet<Job>();
        var pending = new Stack<Job>(job.Needs.Select(n => job.Workflow.FindJob(n.Value)).OfType<Job>());
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next == job || !seen.Add(next))
            {
                continue;
            }

            yield return next;
            foreach (var need in next.Needs.Select(n => job.Workflow.FindJob(n.Value)).OfType<Job>())
            {
                pending.Push(need);
            }
        }
    }
}
