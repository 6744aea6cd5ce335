using System.Globalization;
using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Actions;

/// <summary>Durations as people write them in workflow inputs: <c>500ms</c>, <c>10s</c>, <c>30m</c>, <c>6h</c>, <c>2d</c>, <c>1w</c>.</summary>
public static partial class DurationParser
{
    public const string Expected = "a whole number followed by ms, s, m, h, d or w (for example 30m, 6h, 2d)";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = text is null ? null : DurationPattern().Match(text.Trim());
        if (match is null || !match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        try
        {
            duration = match.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(n * 7),
            };
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    [GeneratedRegex("^(?<n>[0-9]{1,9})(?<unit>ms|s|m|h|d|w)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
