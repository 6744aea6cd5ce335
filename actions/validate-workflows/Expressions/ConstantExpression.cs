namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// Whether an expression has the same value on every run: literals, and operators and pure functions
/// (contains, startsWith, endsWith, format, join, toJSON, case) applied to constants only. A context, an index or
/// any other function (fromJSON, hashFiles, the status functions) makes it vary.
/// </summary>
public static class ConstantExpression
{
    private static readonly HashSet<string> _pureFunctions = new(["contains", "startsWith", "endsWith", "format", "join", "toJSON", "case"], StringComparer.OrdinalIgnoreCase);

    public static bool Is(ExpressionNode node) => node switch
    {
        LiteralNode => true,
        NotNode not => Is(not.Operand),
        BinaryNode binary => Is(binary.Left) && Is(binary.Right),
        CallNode call => _pureFunctions.Contains(call.Name) && call.Arguments.All(Is),
        _ => false,
    };
}
