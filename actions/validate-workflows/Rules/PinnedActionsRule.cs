using System.Text.RegularExpressions;
using Tailpaste.ValidateWorkflows.Model;
using Tailpaste.ValidateWorkflows.Yaml;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Third-party actions are pinned to a full commit SHA: a tag can be moved to malicious code, a SHA cannot.
/// GitHub's own owners (actions, github) and owners listed under trusted-owners in the config are exempt.
/// </summary>
public sealed partial class PinnedActionsRule : Rule
{
    private static readonly string[] _firstParty = ["actions", "github"];

    public override string Id => "pinned-actions";

    public override string Description => "Third-party actions and reusable workflows are pinned to a full 40-character commit SHA.";

    public override Findings.Severity DefaultSeverity => Findings.Severity.Warning;

    public override void VisitStep(Step step, RuleContext context)
    {
        Check(step.Uses, context);
    }

    public override void VisitJob(Job job, RuleContext context)
    {
        Check(job.Uses, context);
    }

    private static void Check(ScalarNode? uses, RuleContext context)
    {
        if (uses is null || uses.IsNull || uses.ContainsExpression || LocalReference.Is(uses.Value) || uses.Value.StartsWith("docker://", StringComparison.Ordinal))
        {
            return;
        }

        var at = uses.Value.LastIndexOf('@');
        var owner = uses.Value.Split('/')[0];
        if (at < 0 || _firstParty.Contains(owner, StringComparer.OrdinalIgnoreCase) || context.Config.TrustedOwners.Contains(owner))
        {
            return;
        }

        var reference = uses.Value[(at + 1)..];
        if (!Sha().IsMatch(reference))
        {
            context.Report(uses, $"third-party action \"{uses.Value}\" is pinned to \"{reference}\", which its owner can move; pin a full commit SHA (and keep the tag in a comment)");
        }
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha();
}
