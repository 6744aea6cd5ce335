using Tailpaste.ValidateWorkflows.Expressions;

namespace Tailpaste.ValidateWorkflows.Rules;

/// <summary>Every <c>${{ }}</c> parses; the error points at the column inside the expression.</summary>
public sealed class ExpressionSyntaxRule : Rule
{
    public override string Id => "expression-syntax";

    public override string Description => "Every ${{ }} expression is closed and parses (operators, literals, calls, property access, index, .* filters).";

    public override void VisitExpression(ExpressionUse use, RuleContext context)
    {
        if (use.SyntaxError is { } error)
        {
            var at = use.Closed ? use.At(error.Offset) : use.Start;
            context.Report(at, $"expression syntax error: {error.Message}", at.Column + 1);
        }
    }
}
