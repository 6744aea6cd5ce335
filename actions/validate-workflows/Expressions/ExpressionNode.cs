namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>A node of a parsed <c>${{ }}</c> expression; <see cref="Offset"/> is its index in the expression text.</summary>
public abstract record ExpressionNode(int Offset);

public sealed record LiteralNode(int Offset, object? Value, string Text) : ExpressionNode(Offset);

/// <summary>A bare name: a context such as <c>github</c> or <c>matrix</c>.</summary>
public sealed record VariableNode(int Offset, string Name) : ExpressionNode(Offset);

public sealed record PropertyNode(int Offset, ExpressionNode Receiver, string Name) : ExpressionNode(Offset);

public sealed record IndexNode(int Offset, ExpressionNode Receiver, ExpressionNode Index) : ExpressionNode(Offset);

/// <summary>The object filter <c>receiver.*</c> (or <c>receiver[*]</c>).</summary>
public sealed record FilterNode(int Offset, ExpressionNode Receiver) : ExpressionNode(Offset);

public sealed record CallNode(int Offset, string Name, IReadOnlyList<ExpressionNode> Arguments) : ExpressionNode(Offset);

public sealed record NotNode(int Offset, ExpressionNode Operand) : ExpressionNode(Offset);

public sealed record BinaryNode(int Offset, string Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode(Offset);
