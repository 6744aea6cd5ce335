namespace Tailpaste.ValidateWorkflows.Expressions;

public enum TokenKind
{
    Identifier,
    Number,
    String,
    Operator,
    End,
}

public sealed record ExpressionToken(TokenKind Kind, string Text, int Offset, object? Value = null);
