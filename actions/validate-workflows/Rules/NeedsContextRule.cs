using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>needs.&lt;job&gt;</c> names a job the current job lists in <c>needs</c>, and its outputs exist.</summary>
public sealed class NeedsContextRule : Rule
{
    private static readonly string[] _properties = ["outputs", "result"];

    public override string Id => "needs-context";

    public override string Description => "needs.<job_id> names a job listed in this job's needs, with outputs that job declares and properties outputs/result.";

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        if (use.Job is not { } job)
        {
            return;
        }

        foreach (var path in PropertyPath.MembersOf(use.Tree, "needs"))
        {
            var name = path.Segments[1];
            var at = use.At(path.Offsets[1]);
            if (!job.Needs.Any(n => n.Value.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                var listed = job.Needs.Count == 0 ? "it needs no jobs" : "it needs " + KeyList.Quote(job.Needs.Select(n => n.Value));
                context.Report(at, $"job \"{job.Id.Value}\" cannot read needs.{name}: \"{name}\" is not in its needs ({listed})", at.Column + name.Length);
                continue;
            }

            if (MemberProperties.ReportUnknown(use, path, "needs", _properties, context))
            {
                continue;
            }

            // A job without "outputs:" has none: reading one gives nothing (a job calling a workflow has the callee's).
            if (path.At(2) is "outputs" && path.At(3) is { } output && output != "*"
                && job.Workflow.FindJob(name) is { IsWorkflowCall: false } needed
                && needed.Body.Get("outputs") is not Yaml.ScalarNode { ContainsExpression: true }
                && !(needed.Outputs?.Entries ?? []).Any(e => e.Key.Value.Equals(output, StringComparison.OrdinalIgnoreCase)))
            {
                var outputAt = use.At(path.Offsets[3]);
                var declared = needed.Outputs is { Entries.Count: > 0 } outputs ? "it declares " + KeyList.Quote(outputs.Entries.Select(e => e.Key.Value)) : "it declares no outputs";
                context.Report(outputAt, $"job \"{name}\" has no output \"{output}\"; {declared}", outputAt.Column + output.Length);
            }
        }
    }
}
