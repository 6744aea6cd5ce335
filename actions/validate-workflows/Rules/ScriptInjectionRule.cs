using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Findings;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Values an outsider controls (issue titles, PR bodies, branch names, commit messages...) spliced straight into
/// a script can run commands. They must reach the script through an environment variable instead.
/// </summary>
public sealed class ScriptInjectionRule : Rule
{
    /// <summary>
    /// Untrusted paths reported as errors (the list GitHub's security guide and actionlint agree on); <c>*</c> is
    /// an array element. A path matches only when it ends on the field itself: <c>.title</c>, not <c>.title.x</c>.
    /// </summary>
    private static readonly string[][] _untrusted = Paths(
        "github.head_ref",
        "github.event.issue.title", "github.event.issue.body",
        "github.event.pull_request.title", "github.event.pull_request.body",
        "github.event.pull_request.head.ref", "github.event.pull_request.head.label", "github.event.pull_request.head.repo.default_branch",
        "github.event.comment.body", "github.event.review.body", "github.event.review_comment.body",
        "github.event.pages.*.page_name",
        "github.event.commits.*.message", "github.event.commits.*.author.email", "github.event.commits.*.author.name",
        "github.event.head_commit.message", "github.event.head_commit.author.email", "github.event.head_commit.author.name",
        "github.event.discussion.title", "github.event.discussion.body");

    /// <summary>
    /// Fields just as controllable that most linters do not list (a branch name or commit message of the run that
    /// triggered workflow_run, a merge group's head commit): warnings, so a workflow GitHub runs is not failed for them.
    /// </summary>
    private static readonly string[][] _untrustedWarnings = Paths(
        "github.event.workflow_run.head_branch", "github.event.workflow_run.display_title",
        "github.event.workflow_run.head_commit.message", "github.event.workflow_run.head_commit.author.email", "github.event.workflow_run.head_commit.author.name",
        "github.event.workflow_run.pull_requests.*.head.ref",
        "github.event.merge_group.head_commit.message", "github.event.merge_group.head_commit.author.name");

    /// <summary>Functions whose result is a boolean, so an untrusted argument cannot reach the script.</summary>
    private static readonly HashSet<string> _safeFunctions = new(["contains", "startswith", "endswith"], StringComparer.OrdinalIgnoreCase);

    public override string Id => "script-injection";

    public override string Description => "Untrusted event fields (titles, bodies, branch names, commit messages) are never spliced into run: or script:; pass them through env:.";

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        if (!use.InScript)
        {
            return;
        }

        foreach (var path in PropertyPath.AllIn(WithoutSafeCalls(use.Tree)))
        {
            var isError = _untrusted.Any(pattern => Matches(pattern, path.Segments));
            if (!isError && !_untrustedWarnings.Any(pattern => Matches(pattern, path.Segments)))
            {
                continue;
            }

            var at = use.At(path.Offsets[0]);
            var name = path.Segments[^1] == "*" ? "VALUE" : path.Segments[^1].ToUpperInvariant().Replace('-', '_');
            context.Report(
                at,
                $"\"{path}\" is controlled by whoever triggers the event and is spliced into a script, where it can run commands; pass it through env: (env: {name}: ${{{{ {path} }}}}) and use \"${name}\" in the script",
                at.Column + path.ToString().Length,
                isError ? Severity.Error : Severity.Warning);
        }
    }

    private static string[][] Paths(params string[] paths) => paths.Select(p => p.Split('.')).ToArray();

    /// <summary>The tree with the arguments of contains/startsWith/endsWith calls left out.</summary>
    private static ExpressionNode? WithoutSafeCalls(ExpressionNode? node) => node switch
    {
        CallNode call when _safeFunctions.Contains(call.Name) => new LiteralNode(call.Offset, true, "true"),
        CallNode call => call with { Arguments = call.Arguments.Select(a => WithoutSafeCalls(a)!).ToList() },
        NotNode not => not with { Operand = WithoutSafeCalls(not.Operand)! },
        BinaryNode binary => binary with { Left = WithoutSafeCalls(binary.Left)!, Right = WithoutSafeCalls(binary.Right)! },
        IndexNode index => index with { Index = WithoutSafeCalls(index.Index)! },
        _ => node,
    };

    private static bool Matches(string[] pattern, IReadOnlyList<string> segments)
    {
        if (segments.Count != pattern.Length)
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
