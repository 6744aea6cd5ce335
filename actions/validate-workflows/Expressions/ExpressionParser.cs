namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// Recursive descent over the expression grammar, lowest precedence first:
/// <c>||</c>, <c>&amp;&amp;</c>, <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>!</c>, then property access, index and filters.
/// </summary>
public sealed class ExpressionParser
{
    private const int MaxNesting = 64;
    private readonly List<ExpressionToken> _tokens;
    private int _next;
    private int _nesting;

    private ExpressionParser(List<ExpressionToken> tokens)
    {
        _tokens = tokens;
    }

    /// <summary>Parses the text between <c>${{</c> and <c>}}</c>; throws <see cref="ExpressionSyntaxException"/>.</summary>
    public static ExpressionNode Parse(string text)
    {
        var parser = new ExpressionParser(ExpressionLexer.Tokenize(text));
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw new ExpressionSyntaxException(0, "the expression is empty");
        }

        var node = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw new ExpressionSyntaxException(parser.Peek.Offset, $"unexpected '{parser.Peek.Text}' after a complete expression");
        }

        return node;
    }

    private ExpressionToken Peek => _tokens[_next];

    private ExpressionToken Take() => _tokens[_next++];

    private bool TakeIf(string op)
    {
        if (Peek.Kind == TokenKind.Operator && Peek.Text == op)
        {
            _next++;
            return true;
        }

        return false;
    }

    private ExpressionNode ParseOr() => ParseBinary(ParseAnd, "||");

    private ExpressionNode ParseAnd() => ParseBinary(ParseEquality, "&&");

    private ExpressionNode ParseEquality() => ParseBinary(ParseComparison, "==", "!=");

    private ExpressionNode ParseComparison() => ParseBinary(ParseUnary, "<", "<=", ">", ">=");

    private ExpressionNode ParseBinary(Func<ExpressionNode> operand, params string[] operators)
    {
        var left = operand();
        while (Peek.Kind == TokenKind.Operator && operators.Contains(Peek.Text))
        {
            var op = Take();
            var right = operand();
            left = new BinaryNode(op.Offset, op.Text, left, right);
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        if (Peek.Kind == TokenKind.Operator && Peek.Text == "!")
        {
            var bang = Take();
            Enter(bang.Offset);
            var operand = ParseUnary();
            _nesting--;
            return new NotNode(bang.Offset, operand);
        }

        return ParsePostfix(ParsePrimary());
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralNode(token.Offset, token.Value, token.Text);
            case TokenKind.String:
                return new LiteralNode(token.Offset, token.Value, token.Text);
            case TokenKind.Identifier:
                return Identifier(token);
            case TokenKind.Operator when token.Text == "(":
                Enter(token.Offset);
                var inner = ParseOr();
                Expect(")", "to close the '(' at column " + (token.Offset + 1));
                _nesting--;
                return inner;
            case TokenKind.End:
                throw new ExpressionSyntaxException(token.Offset, "the expression ends where a value was expected");
            default:
                throw new ExpressionSyntaxException(token.Offset, $"unexpected '{token.Text}' where a value was expected");
        }
    }

    private ExpressionNode Identifier(ExpressionToken token)
    {
        switch (token.Text)
        {
            case "true":
                return new LiteralNode(token.Offset, true, token.Text);
            case "false":
                return new LiteralNode(token.Offset, false, token.Text);
            case "null":
                return new LiteralNode(token.Offset, null, token.Text);
            case "NaN":
                return new LiteralNode(token.Offset, double.NaN, token.Text);
            case "Infinity":
                return new LiteralNode(token.Offset, double.PositiveInfinity, token.Text);
        }

        if (!TakeIf("("))
        {
            return new VariableNode(token.Offset, token.Text);
        }

        Enter(token.Offset);
        var arguments = new List<ExpressionNode>();
        if (!TakeIf(")"))
        {
            do
            {
                arguments.Add(ParseOr());
            }
            while (TakeIf(","));
            Expect(")", $"to close the call of {token.Text}()");
        }

        _nesting--;
        return new CallNode(token.Offset, token.Text, arguments);
    }

    private ExpressionNode ParsePostfix(ExpressionNode receiver)
    {
        while (true)
        {
            if (TakeIf("."))
            {
                var name = Take();
                if (name.Kind == TokenKind.Operator && name.Text == "*")
                {
                    receiver = new FilterNode(name.Offset, receiver);
                }
                else if (name.Kind == TokenKind.Identifier)
                {
                    receiver = new PropertyNode(name.Offset, receiver, name.Text);
                }
                else
                {
                    throw new ExpressionSyntaxException(name.Offset, $"expected a property name or '*' after '.', found '{(name.Kind == TokenKind.End ? "end of expression" : name.Text)}'");
                }
            }
            else if (Peek.Kind == TokenKind.Operator && Peek.Text == "[")
            {
                var open = Take();
                if (TakeIf("*"))
                {
                    Expect("]", "after '[*'");
                    receiver = new FilterNode(open.Offset, receiver);
                    continue;
                }

                Enter(open.Offset);
                var index = ParseOr();
                Expect("]", "to close the index");
                _nesting--;
                receiver = new IndexNode(open.Offset, receiver, index);
            }
            else
            {
                return receiver;
            }
        }
    }

    private void Expect(string op, string why)
    {
        if (!TakeIf(op))
        {
            var found = Peek.Kind == TokenKind.End ? "the end of the expression" : $"'{Peek.Text}'";
            throw new ExpressionSyntaxException(Peek.Offset, $"expected '{op}' {why}, found {found}");
        }
    }

    private void Enter(int offset)
    {
        if (++_nesting > MaxNesting)
        {
            throw new ExpressionSyntaxException(offset, $"the expression nests deeper than {MaxNesting} levels");
        }
    }
}
