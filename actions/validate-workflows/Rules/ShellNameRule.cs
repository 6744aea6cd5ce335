using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>shell:</c> names a shell the runner knows, or a custom command with the <c>{0}</c> script placeholder.</summary>
public sealed class ShellNameRule : Rule
{
    private static readonly string[] _shells = ["bash", "cmd", "powershell", "pwsh", "python", "sh"];

    public override string Id => "shell-name";

    public override string Description => "shell is bash, pwsh, python, sh, cmd or powershell, or a custom command containing {0}.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        Check(workflow.Root.GetMapping("defaults")?.GetMapping("run")?.GetScalar("shell"), context);
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(job);
        Check(job.Body.GetMapping("defaults")?.GetMapping("run")?.GetScalar("shell"), context);
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(step);
        Check(step.Shell, context);
        if (step.Job is null && step.Run is not null && step.Shell is null)
        {
            context.Report(step.Body.KeyOf("run")!, $"step {step.Label} of a composite action needs \"shell\" (composite actions have no default shell)");
        }
    }

    private static void Check(ScalarNode? shell, RuleContext context)
    {
        if (shell is null || shell.IsNull || shell.ContainsExpression || shell.Value.Contains("{0}", StringComparison.Ordinal))
        {
            return;
        }

        if (!_shells.Contains(shell.Value, StringComparer.OrdinalIgnoreCase))
        {
            var hint = _shells.FirstOrDefault(s => s.Equals(shell.Value, StringComparison.OrdinalIgnoreCase));
            var suggestion = hint is null ? string.Empty : $" (names are lower case: \"{hint}\")";
            context.Report(shell, $"unknown shell \"{shell.Value}\"{suggestion}; expected one of {KeyList.Quote(_shells)} or a command with {{0}} for the script");
        }
    }
}
