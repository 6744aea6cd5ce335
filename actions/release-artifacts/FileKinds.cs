using Tailpaste.Shared.IO;

namespace Tailpaste.ReleaseArtifacts;

/// <summary>Names of file kinds for error messages ("it is a symbolic link").</summary>
public static class FileKinds
{
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.RegularFile => "a file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a pipe",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "a device",
    };
}
