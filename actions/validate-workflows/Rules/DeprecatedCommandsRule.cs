using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Workflow commands GitHub retired: <c>::set-env</c> and <c>::add-path</c> are disabled (the step fails),
/// <c>::set-output</c> and <c>::save-state</c> are deprecated (a warning on every run, and GitHub has announced
/// they will stop working) in favour of the <c>$GITHUB_ENV</c>, <c>$GITHUB_PATH</c>, <c>$GITHUB_OUTPUT</c> and
/// <c>$GITHUB_STATE</c> files. All four are errors, as in actionlint. Findings go on the first line of the
/// <c>run:</c> value, where actionlint reports them.
/// </summary>
public sealed partial class DeprecatedCommandsRule : Rule
{
    private static readonly Dictionary<string, (string File, bool Disabled)> _replacements = new(StringComparer.Ordinal)
    {
        ["set-env"] = ("GITHUB_ENV", true),
        ["add-path"] = ("GITHUB_PATH", true),
        ["set-output"] = ("GITHUB_OUTPUT", false),
        ["save-state"] = ("GITHUB_STATE", false),
    };

    public override string Id => "deprecated-commands";

    public override string Description => "run: scripts use the $GITHUB_OUTPUT, $GITHUB_STATE, $GITHUB_ENV and $GITHUB_PATH files, not the retired ::set-output, ::save-state, ::set-env and ::add-path commands.";

    public override void VisitStep(Step step, RuleContext context)
    {
        if (step.Run is not { IsNull: false } run || !run.Value.Contains("::", StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match match in Command().Matches(run.Value))
        {
            var command = match.Groups["command"].Value;
            var (file, disabled) = _replacements[command];
            var message = disabled
                ? $"the \"{command}\" workflow command is disabled and fails the step; append to the file in ${file} instead"
                : $"the \"{command}\" workflow command is deprecated and will stop working; append \"name=value\" to the file in ${file} instead";
            context.Report(run.Start, message);
        }
    }

    [GeneratedRegex(@"(?<![^\s""'])::(?<command>set-env|add-path|set-output|save-state)(?=[ :])")]
    private static partial Regex Command();
}
