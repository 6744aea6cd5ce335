using System.Text.RegularExpressions;
using Tailpaste.Shared.Actions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// The written form both label types share: <c>key=value</c> pairs, one per line or separated by commas,
/// each trimmed. What a set of pairs means (all of them, any of them) is the caller's part.
/// </summary>
internal static partial class LabelPairs
{
    /// <summary>The pairs in the order written; empty when the text holds none.</summary>
    /// <param name="expected">What the caller expects, opening every error message.</param>
    /// <exception cref="InputException">A pair that is not key=value, with the input, the value and the problem.</exception>
    public static List<KeyValuePair<string, string>> Parse(string? text, string source, string expected)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var item in (text ?? string.Empty).Split([',', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('=');
            var problem = parts.Length switch
            {
                1 => "has no '='",
                > 2 => "has more than one '='",
                _ when parts[0].Trim().Length == 0 => "has an empty key",
                _ when parts[1].Trim().Length == 0 => "has an empty value",
                _ when !KeyPattern().IsMatch(parts[0].Trim()) => "has a key with characters other than letters, digits, '.', '-', '_' and '/'",
                _ => null,
            };
            if (problem is not null)
            {
                throw new InputException(source, text, $"{expected}; '{item}' {problem}");
            }

            pairs.Add(new(parts[0].Trim(), parts[1].Trim()));
        }

        return pairs;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
