using Tailpaste.Shared.IO;

namespace Tailpaste.HealthCheck.Configuration;

/// <summary>
/// A file an input names for the action to read (the config file, a log file): it must be a regular file, or a
/// symbolic link to one (an operator's own path on the host, such as a log that is rotated behind a link), and
/// no larger than the reader accepts. A folder, device, pipe or socket is refused before it is opened, so
/// nothing blocks on a pipe or reads <c>/dev/zero</c> without end.
/// </summary>
public static class InputFile
{
    /// <summary>Why <paramref name="path"/> cannot be read as a file, or null when it can (or does not exist: the caller says what that means).</summary>
    public static string? Problem(string path, long maxBytes = long.MaxValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var entry = FileEntry.Of(path);
        if (entry.Kind == FileKind.SymbolicLink)
        {
            var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null)
            {
                return "it is a symbolic link that leads nowhere";
            }

            entry = FileEntry.Of(target);
        }

        return entry.Kind switch
        {
            FileKind.Missing or FileKind.RegularFile when entry.Size <= maxBytes => null,
            FileKind.RegularFile => FormattableString.Invariant($"it is {entry.Size} bytes, more than the {maxBytes} bytes accepted"),
            FileKind.Directory => "it is a folder",
            _ => "it is not a regular file (a device, pipe or socket)",
        };
    }
}
