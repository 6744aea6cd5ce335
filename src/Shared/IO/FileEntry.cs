using System.Runtime.InteropServices;

namespace Tailpaste.Shared.IO;

/// <summary>
/// The kind and size of a directory entry, read with <c>statx</c> without following a symbolic link and
/// without opening it. .NET's own file APIs cannot tell a FIFO or a device from a regular file, and opening
/// one to find out can block forever (a FIFO) or never end (<c>/dev/zero</c>): hostile repository content
/// and hostile paths are sorted here before anything reads or writes them.
/// </summary>
public readonly record struct FileEntry(FileKind Kind, long Size)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;

    // struct statx is the same on every Linux architecture: stx_mode (u16) at byte 28, stx_size (u64) at 40.
    private const int StatxBufferSize = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;

    public bool IsRegularFile => Kind == FileKind.RegularFile;

    /// <summary>The entry at <paramref name="path"/>; a symbolic link is reported as one, never followed.</summary>
    public static FileEntry Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return OperatingSystem.IsLinux() ? OfLinux(path) : OfPortable(path);
    }

    private static FileEntry OfLinux(string path)
    {
        var buffer = new byte[StatxBufferSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxSize, buffer) != 0)
        {
            return new FileEntry(FileKind.Missing, 0);
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var size = BitConverter.ToInt64(buffer, SizeOffset);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Missing,
        };
        return new FileEntry(kind, size);
    }

    // Elsewhere .NET's view is the best there is: links and folders are told apart, the rest counts as a file.
    private static FileEntry OfPortable(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return new FileEntry(FileKind.SymbolicLink, 0);
        }

        return Directory.Exists(path) ? new FileEntry(FileKind.Directory, 0)
            : info.Exists ? new FileEntry(FileKind.RegularFile, info.Length)
            : new FileEntry(FileKind.Missing, 0);
    }

    // DllImport, not LibraryImport: the generated marshalling source is not on disk, and coverlet then skips
    // the whole assembly from coverage.
    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, [Out] byte[] buffer);
}
