using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>steps.&lt;id&gt;</c> names a step with that id that runs before the expression is evaluated.</summary>
public sealed class StepsContextRule : Rule
{
    private static readonly string[] _properties = ["conclusion", "outcome", "outputs"];

    public override string Id => "steps-context";

    public override string Description => "steps.<step_id> names an earlier step of the same job with that id, and uses outputs, outcome or conclusion.";

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        if (use.Steps is not { } steps)
        {
            return;
        }

        // Inside a step only earlier steps have run; job outputs and environment.url see them all.
        var visible = use.Step is { } current ? steps.Where(s => s.Index < current.Index).ToList() : steps;
        foreach (var path in PropertyPath.MembersOf(use.Tree, "steps"))
        {
            var id = path.Segments[1];
            var at = use.At(path.Offsets[1]);
            if (!visible.Any(s => s.HasId(id)))
            {
                var later = steps.FirstOrDefault(s => s.HasId(id));
                var why = later is null ? "no step has this id" : later == use.Step ? "it is the current step, which has not finished yet" : $"that step (line {later.Body.Start.Line}) runs later";
                context.Report(at, $"steps.{id} is not available here: {why}", at.Column + id.Length);
                continue;
            }

            MemberProperties.ReportUnknown(use, path, "steps", _properties, context);
        }
    }
}
