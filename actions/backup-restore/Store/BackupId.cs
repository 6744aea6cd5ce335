using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tailpaste.Shared.Actions;

namespace Tailpaste.BackupRestore.Store;

/// <summary>
/// A backup's id: its UTC time to the second and a short hash, <c>20260102T030405Z-1a2b3c4d</c>. Ids sort by
/// time as text, fit in a Docker tag (<c>backup-&lt;id&gt;</c>) and a folder name, and two backups taken in the
/// same second still differ.
/// </summary>
public static class BackupId
{
    public static string Expected => InputFormats.BackupId.Expected;

    public static string New(DateTimeOffset time, string seed)
    {
        var stamp = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{time.UtcTicks}/{RandomNumberGenerator.GetHexString(16)}"));
        return $"{stamp}-{Convert.ToHexStringLower(hash)[..8]}";
    }

    public static bool IsValid(string? id) => InputFormats.BackupId.IsValid(id);

    /// <summary>The time the id carries.</summary>
    public static DateTimeOffset TimeOf(string id) =>
        DateTimeOffset.ParseExact(id[..16], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
