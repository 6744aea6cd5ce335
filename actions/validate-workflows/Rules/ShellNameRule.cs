using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Schema;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// <c>shell:</c> names a shell the runner knows (names compare ignoring case), or a custom command with the
/// <c>{0}</c> script placeholder. When <c>runs-on</c> tells the system, the shell must exist there: <c>cmd</c> and
/// <c>powershell</c> only on Windows, <c>sh</c> only on Linux and macOS.
/// </summary>
public sealed class ShellNameRule : Rule
{
    private static readonly string[] _shells = ["bash", "cmd", "powershell", "pwsh", "python", "sh"];
    private static readonly string[] _windowsShells = ["bash", "cmd", "powershell", "pwsh", "python"];
    private static readonly string[] _unixShells = ["bash", "pwsh", "python", "sh"];

    public override string Id => "shell-name";

    public override string Description => "shell is bash, pwsh, python, sh, cmd or powershell (cmd and powershell on Windows only, sh not on Windows), or a custom command containing {0}.";

    public override void VisitWorkflow(Workflow workflow, RuleContext context)
    {
        Check(workflow.Root.GetMapping("defaults")?.GetMapping("run")?.GetScalar("shell"), context);
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        Check(job.Body.GetMapping("defaults")?.GetMapping("run")?.GetScalar("shell"), context, SystemOf(job));
    }

    public override void VisitStep(Step step, RuleContext context)
    {
        if (step.Run is not null)
        {
            Check(step.Shell, context, step.Job is { } job ? SystemOf(job) : null);
        }

        if (step.Job is null && step.Run is not null && step.Shell is null)
        {
            context.Report(step.Body.KeyOf("run")!, $"step {step.Label} of a composite action needs \"shell\" (composite actions have no default shell)");
        }
    }

    private static void Check(ScalarNode? shell, RuleContext context, string? system = null)
    {
        if (shell is null || shell.IsNull || shell.ContainsExpression || shell.Value.Contains("{0}", StringComparison.Ordinal))
        {
            return;
        }

        if (!_shells.Contains(shell.Value, StringComparer.OrdinalIgnoreCase))
        {
            context.Report(shell, $"unknown shell \"{shell.Value}\"; expected one of {KeyList.Quote(_shells)} or a command with {{0}} for the script");
            return;
        }

        var (available, where) = system switch
        {
            "windows" => (_windowsShells, "Windows"),
            "unix" => (_unixShells, "macOS or Linux"),
            _ => (_shells, string.Empty),
        };
        if (!available.Contains(shell.Value, StringComparer.OrdinalIgnoreCase))
        {
            context.Report(shell, $"shell \"{shell.Value}\" does not exist on {where}, where this job runs; available there are {KeyList.Quote(available)}");
        }
    }

    /// <summary>
    /// "windows" or "unix" when the labels of runs-on say which system the job runs on (windows-*, windows; or
    /// ubuntu-*, macos-*, xcode-*, linux, macos), null when they do not say or disagree.
    /// </summary>
    private static string? SystemOf(Job job)
    {
        var labels = job.Body.Get("runs-on") switch
        {
            ScalarNode one => [one],
            SequenceNode many => many.Items.OfType<ScalarNode>(),
            MappingNode group => group.Get("labels") switch
            {
                ScalarNode one => [one],
                SequenceNode many => many.Items.OfType<ScalarNode>(),
                _ => [],
            },
            _ => [],
        };
        string? system = null;
        foreach (var label in labels)
        {
            var kind = RunnerImages.System(label.Value) switch
            {
                "windows" => "windows",
                "linux" or "macos" => "unix",
                _ => null,
            };
            if (kind is null)
            {
                continue;
            }

            if (system is not null && system != kind)
            {
                return null;
            }

            system = kind;
        }

        return system;
    }
}
