namespace Tailpaste.Shared.IO;

/// <summary>What a directory entry is, as the file system says, without following a symbolic link.</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
}
