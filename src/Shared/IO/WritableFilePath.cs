namespace Tailpaste.Shared.IO;

/// <summary>
/// Checks, before an action changes anything, that it will be able to write a file at a path: the path is not
/// a folder, a device, a pipe or a symbolic link, no part of its folder is a file, and the nearest folder that
/// exists takes a new file. A run that would fail at its last step (the report) therefore fails as bad input
/// at its first, with nothing removed, published or replaced.
/// </summary>
public static class WritableFilePath
{
    /// <summary>What stands in the way of writing a file at <paramref name="fullPath"/>, or null when nothing does.</summary>
    public static string? Problem(string fullPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        // Linux refuses a name or path over its limits (ENAMETOOLONG) only when the file is opened, that is after the work is done.
        if (PathLimits.Problem(fullPath) is { } tooLong)
        {
            return tooLong;
        }

        var problem = FileEntry.Of(fullPath).Kind switch
        {
            FileKind.Missing or FileKind.RegularFile => null,
            FileKind.Directory => "it is a folder",
            FileKind.SymbolicLink => "it is a symbolic link, which a write would follow or replace",
            _ => "it is not a regular file (a device, pipe or socket)",
        };
        if (problem is not null)
        {
            return problem;
        }

        var folder = Path.GetDirectoryName(fullPath);
        while (folder is not null && FileEntry.Of(folder).Kind == FileKind.Missing)
        {
            folder = Path.GetDirectoryName(folder);
        }

        if (folder is null)
        {
            return "no folder on the path exists";
        }

        // A link to a folder is fine as a folder (/tmp may be one); anything else on the way is not.
        return Directory.Exists(folder) ? CannotCreateIn(folder) : $"{folder} is not a folder";
    }

    private static string? CannotCreateIn(string folder)
    {
        var probe = Path.Combine(folder, $".tailpaste-write-check-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"no file can be created in {folder} ({e.Message})";
        }
    }
}
