using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Docker;

/// <summary>
/// An image reference as an input may give it (<c>tailpaste/paste-service:1.4.0</c>, a digest, a registry):
/// only the characters a reference can hold, never a leading dash, so it can be neither a flag nor a second word.
/// </summary>
public static partial class ImageReference
{
    public const string Expected = "an image reference such as tailpaste/paste-service:1.4.0 (letters, digits and . _ - / : @)";

    public static bool IsValid(string? reference) => reference is not null && Pattern().IsMatch(reference);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
