using System.Globalization;
using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// The one rule for a time span given as input: seconds as a plain number (<c>10</c>, <c>0.5</c>), or a
/// whole number with a unit: <c>500ms</c>, <c>10s</c>, <c>30m</c>, <c>6h</c>, <c>2d</c>, <c>1w</c>.
/// </summary>
public static partial class DurationParser
{
    public const string Expected = "seconds (such as 10 or 0.5) or a whole number with a unit ms, s, m, h, d or w (such as 500ms, 30s, 2m, 6h, 2d)";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text?.Trim() ?? string.Empty;
        if (SecondsPattern().IsMatch(trimmed))
        {
            var seconds = double.Parse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return false;
            }

            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        var match = DurationPattern().Match(trimmed);
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
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

    /// <summary>What a bounded input expects, for its error message.</summary>
    public static string ExpectedWithin(TimeSpan? max, bool allowZero) =>
        Expected
        + (allowZero ? string.Empty : ", more than zero")
        + (max is { } limit ? $", at most {Describe(limit)}" : string.Empty);

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0}h")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###}s");

    [GeneratedRegex("^[0-9]{1,9}(\\.[0-9]{1,9})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SecondsPattern();

    [GeneratedRegex("^(?<n>[0-9]{1,9})(?<unit>ms|s|m|h|d|w)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
