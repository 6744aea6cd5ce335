namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>A syntax error at <see cref="Offset"/> in the expression text.</summary>
public sealed class ExpressionSyntaxException : Exception
{
    public ExpressionSyntaxException(int offset, string message)
        : base(message)
    {
        Offset = offset;
    }

    public ExpressionSyntaxException()
    {
    }

    public ExpressionSyntaxException(string message)
        : base(message)
    {
    }

    public ExpressionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Offset { get; }
}
