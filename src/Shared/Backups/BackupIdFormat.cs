using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Backups;

/// <summary>
/// How backup-restore names a backup (<c>20260102T030405Z-1a2b3c4d</c>: its UTC second, a dash and 8 hex digits),
/// checked the same way where the id is made and where deploy is given one.
/// </summary>
public static partial class BackupIdFormat
{
    public const string Expected = "a backup id such as 20260102T030405Z-1a2b3c4d (UTC time, a dash and 8 hex digits)";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
