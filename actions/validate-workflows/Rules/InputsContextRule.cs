using Tailpaste.ValidateWorkflows.Expressions;
using Tailpaste.ValidateWorkflows.Model;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary><c>inputs.&lt;name&gt;</c> names an input the workflow (workflow_dispatch / workflow_call) or action declares.</summary>
public sealed class InputsContextRule : Rule
{
    public override string Id => "inputs-context";

    public override string Description => "inputs.<name> names an input declared by workflow_dispatch, workflow_call or the action's inputs.";

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        IReadOnlyDictionary<string, InputDeclaration>? declared = use.Workflow?.Inputs ?? use.Action?.Inputs;
        if (declared is null)
        {
            return;
        }

        foreach (var path in PropertyPath.MembersOf(use.Tree, "inputs"))
        {
            var name = path.Segments[1];
            if (declared.ContainsKey(name))
            {
                continue;
            }

            var at = use.At(path.Offsets[1]);
            var owner = use.Action is not null ? "this action" : "this workflow";
            var known = declared.Count == 0
                ? (use.Action is not null ? $"{owner} declares no inputs" : $"{owner} has no workflow_dispatch or workflow_call inputs")
                : $"{owner} declares {KeyList.Quote(declared.Keys.Order(StringComparer.Ordinal))}";
            context.Report(at, $"input \"{name}\" is not declared: {known}", at.Column + name.Length);
        }
    }
}
