using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>
/// Contexts exist and are available where they are used (no <c>steps</c> in a job-level <c>if</c>, no
/// <c>secrets</c> in <c>runs-on</c>...), and status functions and hashFiles appear only where GitHub allows them.
/// </summary>
public sealed class ExpressionContextRule : Rule
{
    private static readonly string[] _contexts = ["github", "env", "vars", "job", "jobs", "steps", "runner", "secrets", "strategy", "matrix", "needs", "inputs"];

    public override string Id => "expression-context";

    public override string Description => "Expressions use only contexts and special functions that GitHub makes available at that place in the workflow.";

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        foreach (var node in PropertyPath.Descendants(use.Tree))
        {
            if (node is VariableNode variable)
            {
                var at = use.At(variable.Offset);
                var end = at.Column + variable.Name.Length;
                if (!_contexts.Contains(variable.Name, StringComparer.OrdinalIgnoreCase))
                {
                    context.Report(at, $"unknown context \"{variable.Name}\"; expected one of {KeyList.Quote(_contexts)}", end);
                }
                else if (use.Location.Contexts.Count == 0)
                {
                    context.Report(at, $"context \"{variable.Name}\" is not available here: this key is read before any context exists, so no context is available", end);
                }
                else if (!use.Location.Contexts.Contains(variable.Name))
                {
                    context.Report(at, $"context \"{variable.Name}\" is not available in \"{use.Location.Name}\"; available there: {KeyList.Quote(use.Location.Contexts.Order(StringComparer.Ordinal))}", end);
                }
            }
            else if (node is CallNode call && IsSpecial(call.Name) && !use.Location.SpecialFunctions.Contains(call.Name))
            {
                var at = use.At(call.Offset);
                var where = use.Location.SpecialFunctions.Count == 0 ? "no special functions are" : KeyList.Quote(use.Location.SpecialFunctions.Order(StringComparer.Ordinal)) + " are";
                context.Report(at, $"function \"{call.Name}\" is not available in \"{use.Location.Name}\"; {where} available there", at.Column + call.Name.Length);
            }
        }
    }

    private static bool IsSpecial(string name) =>
        name.Equals("always", StringComparison.OrdinalIgnoreCase) || name.Equals("cancelled", StringComparison.OrdinalIgnoreCase)
        || name.Equals("success", StringComparison.OrdinalIgnoreCase) || name.Equals("failure", StringComparison.OrdinalIgnoreCase)
        || name.Equals("hashFiles", StringComparison.OrdinalIgnoreCase);
}
