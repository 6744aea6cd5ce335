using System.Globalization;

namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>Splits expression text into tokens: names, numbers, 'strings' ('' escapes a quote) and operators.</summary>
public static class ExpressionLexer
{
    private static readonly string[] _operators = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ".", ",", "*"];

    public static List<ExpressionToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new ExpressionToken(TokenKind.End, string.Empty, i));
                return tokens;
            }

            var c = text[i];
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                tokens.Add(new ExpressionToken(TokenKind.Identifier, text[start..i], start));
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == '.')) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && !AfterValue(tokens)))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c == '\'')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else
            {
                var op = _operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
                if (op is null)
                {
                    var hint = c == '"' ? " (strings use single quotes in expressions)" : c == '=' ? " (did you mean '=='?)" : string.Empty;
                    throw new ExpressionSyntaxException(i, $"unexpected character '{c}'{hint}");
                }

                tokens.Add(new ExpressionToken(TokenKind.Operator, op, i));
                i += op.Length;
            }
        }
    }

    private static bool AfterValue(List<ExpressionToken> tokens) =>
        tokens.Count > 0 && tokens[^1] is { Kind: TokenKind.Identifier or TokenKind.Number or TokenKind.String } or { Text: ")" or "]" or "*" };

    private static ExpressionToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '-')
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '0' && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            var hexStart = i;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }

            if (i == hexStart)
            {
                throw new ExpressionSyntaxException(start, "a hexadecimal number needs digits after 0x");
            }

            var hex = long.Parse(text[hexStart..i], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return new ExpressionToken(TokenKind.Number, text[start..i], start, text[start] == '-' ? -hex : hex);
        }

        while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }
        }

        var literal = text[start..i];
        if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
        {
            throw new ExpressionSyntaxException(i, $"unexpected character '{text[i]}' after the number {literal}");
        }

        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionSyntaxException(start, $"'{literal}' is not a valid number");
        }

        return new ExpressionToken(TokenKind.Number, literal, start, value);
    }

    private static ExpressionToken ReadString(string text, ref int i)
    {
        var start = i;
        i++;
        var value = new System.Text.StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new ExpressionSyntaxException(start, "the string starting here is not closed with '");
            }

            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return new ExpressionToken(TokenKind.String, text[start..i], start, value.ToString());
            }

            value.Append(text[i]);
            i++;
        }
    }
}
