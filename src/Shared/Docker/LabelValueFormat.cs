using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// A short word for a label value such as a version (<c>1.4.0</c>, <c>2.0.0-rc.1+build.5</c>): at most 128 letters,
/// digits and <c>. _ + -</c>, starting with a letter or digit, so it is safe in a label, a report and a log line.
/// </summary>
public static partial class LabelValueFormat
{
    public const string Expected = "at most 128 letters, digits and . _ + -";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
