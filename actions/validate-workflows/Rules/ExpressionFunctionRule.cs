using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Calls name a built-in function with a valid number of arguments.</summary>
public sealed class ExpressionFunctionRule : Rule
{
    /// <summary>Name → (min, max) arguments; max -1 means any number.</summary>
    public static IReadOnlyDictionary<string, (int Min, int Max)> Functions { get; } = new Dictionary<string, (int, int)>(StringComparer.OrdinalIgnoreCase)
    {
        ["contains"] = (2, 2),
        ["startsWith"] = (2, 2),
        ["endsWith"] = (2, 2),
        ["format"] = (1, -1),
        ["join"] = (1, 2),
        ["toJSON"] = (1, 1),
        ["fromJSON"] = (1, 1),
        ["hashFiles"] = (1, -1),
        ["case"] = (3, -1),
        ["success"] = (0, 0),
        ["always"] = (0, 0),
        ["cancelled"] = (0, 0),
        ["failure"] = (0, 0),
    };

    public override string Id => "expression-function";

    public override string Description => "Expressions call only built-in functions (contains, format, toJSON, hashFiles...) with the right number of arguments.";

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        foreach (var call in PropertyPath.Descendants(use.Tree).OfType<CallNode>())
        {
            var at = use.At(call.Offset);
            if (!Functions.TryGetValue(call.Name, out var arity))
            {
                context.Report(at, $"unknown function \"{call.Name}\"; expected one of {KeyList.Quote(Functions.Keys)}", at.Column + call.Name.Length);
                continue;
            }

            var count = call.Arguments.Count;
            if (count < arity.Min || (arity.Max >= 0 && count > arity.Max))
            {
                var expected = arity.Max < 0 ? $"at least {arity.Min}" : arity.Min == arity.Max ? $"{arity.Min}" : $"{arity.Min} to {arity.Max}";
                context.Report(at, $"{call.Name}() takes {expected} argument(s) but is given {count}", at.Column + call.Name.Length);
            }
            else if (call.Name.Equals("case", StringComparison.OrdinalIgnoreCase) && count % 2 == 0)
            {
                context.Report(at, $"case() takes condition/value pairs and a default (an odd number of arguments) but is given {count}", at.Column + call.Name.Length);
            }
            else if (call.Name.Equals("format", StringComparison.OrdinalIgnoreCase) && call.Arguments[0] is LiteralNode { Value: string pattern } literal
                && FormatString.Check(pattern, count - 1) is { } problem)
            {
                // GitHub fails the step at run time on these; the literal shows it before the push.
                var where = use.At(literal.Offset);
                context.Report(where, problem, where.Column + literal.Text.Length);
            }
        }
    }
}
