namespace Tailpaste.Shared.IO;

/// <summary>How messages name a file kind: "… is a symbolic link, not a regular file".</summary>
public static class FileKindNames
{
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.RegularFile => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice or FileKind.BlockDevice => "a device",
        FileKind.Fifo => "a named pipe",
        FileKind.Socket => "a socket",
        _ => "missing",
    };
}
