namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// A place in a workflow where expressions may appear, with the contexts and special functions GitHub makes
/// available there (the availability table of the GitHub docs).
/// </summary>
public sealed record ExpressionLocation(string Name, IReadOnlySet<string> Contexts, IReadOnlySet<string> SpecialFunctions, bool ImplicitExpression = false)
{
    public static ExpressionLocation Of(string name, string contexts, string functions = "", bool implicitExpression = false) =>
        new(
            name,
            contexts.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase),
            functions.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase),
            implicitExpression);
}
