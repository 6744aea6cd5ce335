using System.Globalization;
using System.Text;

namespace Tailpaste.ValidateWorkflows.Sources;

/// <summary>
/// Reads repository files as hostile content: a path inside the repository whose symbolic links lead out of
/// it is refused, the size is checked on the resolved file before it is opened, the read stops at the bound
/// even if the file grows, and a file the file system reports as empty is never opened — FIFOs and devices
/// (<c>/dev/zero</c>) report a size of 0, and opening or reading them would block or never end.
/// </summary>
public sealed class SafeFileReader
{
    private readonly string _root;
    private readonly string _realRoot;

    public SafeFileReader(string root, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = Path.GetFullPath(root);
        _realRoot = RealPath.Resolve(_root) ?? _root;
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }

    /// <summary>
    /// Whether <paramref name="path"/> names something inside the repository once its links are resolved. A
    /// path written outside the root (given on the command line) is the caller's choice and is not confined.
    /// </summary>
    public bool IsConfined(string path, out string realPath)
    {
        var full = Path.GetFullPath(path, _root);
        realPath = RealPath.Resolve(full) ?? full;
        return !RealPath.IsInside(_root, full) || RealPath.IsInside(_realRoot, realPath);
    }

    /// <summary>True when the path stays inside the repository, both as written and with its links resolved.</summary>
    public bool StaysInside(string path)
    {
        var full = Path.GetFullPath(path, _root);
        return RealPath.IsInside(_root, full) && RealPath.Resolve(full) is { } real && RealPath.IsInside(_realRoot, real);
    }

    public FileRead Read(string path)
    {
        if (!IsConfined(path, out var real))
        {
            return FileRead.Refused(FileRefusal.OutsideRepository, "the file is a symbolic link that leads outside the repository; it was not read");
        }

        FileInfo info;
        try
        {
            info = new FileInfo(real);
            if (!info.Exists)
            {
                return FileRead.Refused(FileRefusal.Unreadable, Directory.Exists(real) ? "this is a folder, not a file" : "the file does not exist");
            }

            if (info.Length == 0)
            {
                return FileRead.Of(string.Empty);
            }

            if (info.Length > MaxBytes)
            {
                return TooLarge(info.Length);
            }

            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(info.Length, MaxBytes) + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > MaxBytes)
            {
                return TooLarge(total);
            }

            return FileRead.Of(Decode(buffer.AsSpan(0, total)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileRead.Refused(FileRefusal.Unreadable, "cannot read the file: " + e.Message);
        }
    }

    /// <summary>UTF-8 without a byte order mark; a file with NUL bytes in its first 8 KiB is kept as is for the caller to refuse.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = new UTF8Encoding(false, false).GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private FileRead TooLarge(long size) => FileRead.Refused(
        FileRefusal.TooLarge,
        string.Create(CultureInfo.InvariantCulture, $"the file is {size} bytes, larger than the {MaxBytes} bytes a workflow may have; not read"));
}
