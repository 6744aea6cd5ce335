namespace Tailpaste.ReleaseArtifacts.Archive;

public enum TreeEntryKind
{
    Directory,
    File,
    ExecutableFile,
    SymbolicLink,
}
