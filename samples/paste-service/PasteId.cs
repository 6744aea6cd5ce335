using System.Security.Cryptography;

namespace Tailpaste.PasteService;

/// <summary>
/// Paste ids: ten random letters and digits (about 59 bits), so they are unguessable
/// enough for a sample and safe in a URL path without escaping.
/// </summary>
public static class PasteId
{
    public const int Length = 10;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsWellFormed(string? candidate) =>
        candidate is { Length: Length } && candidate.All(char.IsAsciiLetterOrDigit);
}
