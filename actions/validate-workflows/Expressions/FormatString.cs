using System.Globalization;

namespace Tailpaste.ValidateWorkflows.Expressions;

/// <summary>
/// The placeholders of a <c>format()</c> string: <c>{0}</c>, <c>{1}</c>... with <c>{{</c> and <c>}}</c> as literal
/// braces. GitHub fails the expression at run time when a placeholder has no argument or a brace is unmatched.
/// </summary>
public static class FormatString
{
    /// <summary>Null when the string works with <paramref name="arguments"/> arguments after it, else why not.</summary>
    public static string? Check(string pattern, int arguments)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '}')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '}')
                {
                    i++;
                    continue;
                }

                return $"format string \"{pattern}\" has a '}}' without its '{{' (write \"}}}}\" for a literal brace)";
            }

            if (c != '{')
            {
                continue;
            }

            if (i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                i++;
                continue;
            }

            var close = pattern.IndexOf('}', i + 1);
            var digits = close < 0 ? string.Empty : pattern[(i + 1)..close];
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return $"format string \"{pattern}\" has a '{{' that does not start a placeholder such as {{0}} (write \"{{{{\" for a literal brace)";
            }

            if (index >= arguments)
            {
                return $"format string \"{pattern}\" uses placeholder {{{index}}} but only {arguments} argument(s) follow it";
            }

            i = close;
        }

        return null;
    }
}
