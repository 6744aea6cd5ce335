using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// A one-line text format that an input, a label or a variable must match: the pattern, and the words a bad-input
/// error gives as what was expected. The formats several actions share are in <see cref="InputFormats"/>.
/// </summary>
public sealed class InputFormat(Regex pattern, string expected)
{
    /// <summary>What a value must look like, for <see cref="InputException.Expected"/>.</summary>
    public string Expected { get; } = expected;

    public bool IsValid([NotNullWhen(true)] string? text) => text is not null && pattern.IsMatch(text);
}
