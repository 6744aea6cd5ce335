using System.Text;

namespace Tailpaste.Shared.IO;

/// <summary>
/// Linux's limits on a path the action will create: at most 255 bytes per name (NAME_MAX) and 4095 bytes in
/// all (PATH_MAX). A longer path cannot be written; saying so before the first change makes it bad input
/// instead of an error after half the files are written.
/// </summary>
public static class PathLimits
{
    public const int MaxNameBytes = 255;
    public const int MaxPathBytes = 4095;

    /// <summary>What makes <paramref name="fullPath"/> too long to create, or null when it fits.</summary>
    public static string? Problem(string fullPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        var bytes = Encoding.UTF8.GetByteCount(fullPath);
        if (bytes > MaxPathBytes)
        {
            return $"the path has {bytes} bytes and the system takes at most {MaxPathBytes}";
        }

        var longest = fullPath.Split(Path.DirectorySeparatorChar).Max(Encoding.UTF8.GetByteCount);
        return longest > MaxNameBytes ? $"a name in the path has {longest} bytes and the system takes at most {MaxNameBytes}" : null;
    }
}
