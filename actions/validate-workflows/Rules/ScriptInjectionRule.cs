using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Values an outsider controls (issue titles, PR bodies, branch names, commit messages...) spliced straight into
/// a script can run commands. They must reach the script through an environment variable instead.
/// </summary>
public sealed class ScriptInjectionRule : Rule
{
    /// <summary>Untrusted paths; <c>*</c> matches any array element or object key.</summary>
    private static readonly string[][] _untrusted = new[]
    {
        "github.head_ref",
        "github.event.issue.title", "github.event.issue.body",
        "github.event.pull_request.title", "github.event.pull_request.body",
        "github.event.pull_request.head.ref", "github.event.pull_request.head.label", "github.event.pull_request.head.repo.default_branch",
        "github.event.comment.body", "github.event.review.body", "github.event.review_comment.body",
        "github.event.pages.*.page_name",
        "github.event.commits.*.message", "github.event.commits.*.author.email", "github.event.commits.*.author.name",
        "github.event.head_commit.message", "github.event.head_commit.author.email", "github.event.head_commit.author.name",
        "github.event.discussion.title", "github.event.discussion.body",
        "github.event.workflow_run.head_branch", "github.event.workflow_run.display_title",
        "github.event.workflow_run.head_commit.message", "github.event.workflow_run.head_commit.author.email", "github.event.workflow_run.head_commit.author.name",
        "github.event.workflow_run.pull_requests.*.head.ref",
        "github.event.merge_group.head_commit.message", "github.event.merge_group.head_commit.author.name",
    }.Select(p => p.Split('.')).ToArray();

    public override string Id => "script-injection";

    public override string Description => "Untrusted event fields (titles, bodies, branch names, commit messages) are never spliced into run: or script:; pass them through env:.";

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(use);
        ArgumentNullException.ThrowIfNull(context);
        if (!use.InScript)
        {
            return;
        }

        foreach (var path in PropertyPath.AllIn(use.Tree))
        {
            if (!_untrusted.Any(pattern => Matches(pattern, path.Segments)))
            {
                continue;
            }

            var at = use.At(path.Offsets[0]);
            var name = path.Segments[^1] == "*" ? "VALUE" : path.Segments[^1].ToUpperInvariant().Replace('-', '_');
            context.Report(
                at,
                $"\"{path}\" is controlled by whoever triggers the event and is spliced into a script, where it can run commands; pass it through env: (env: {name}: ${{{{ {path} }}}}) and use \"${name}\" in the script",
                at.Column + path.ToString().Length);
        }
    }

    private static bool Matches(string[] pattern, IReadOnlyList<string> segments)
    {
        if (segments.Count < pattern.Length)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != "*" && segments[i] != "*" && !pattern[i].Equals(segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
