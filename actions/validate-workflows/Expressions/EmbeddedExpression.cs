namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>One <c>${{ ... }}</c> inside a string: where it starts, its inner text, and whether it was closed.</summary>
/// <param name="Start">Index of <c>$</c> in the string.</param>
/// <param name="InnerStart">Index of the first character after <c>${{</c>.</param>
public sealed record EmbeddedExpression(int Start, int InnerStart, string Inner, bool Closed)
{
    /// <summary>Every <c>${{ }}</c> in <paramref name="text"/>, skipping '...' literals when looking for the closing braces.</summary>
    public static List<EmbeddedExpression> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<EmbeddedExpression>();
        var at = 0;
        while ((at = text.IndexOf("${{", at, StringComparison.Ordinal)) >= 0)
        {
            var inner = at + 3;
            var i = inner;
            var inString = false;
            var closed = false;
            while (i < text.Length)
            {
                if (text[i] == '\'')
                {
                    inString = !inString;
                }
                else if (!inString && text[i] == '}' && i + 1 < text.Length && text[i + 1] == '}')
                {
                    closed = true;
                    break;
                }

                i++;
            }

            found.Add(new EmbeddedExpression(at, inner, text[inner..i], closed));
            at = closed ? i + 2 : text.Length;
        }

        return found;
    }
}
