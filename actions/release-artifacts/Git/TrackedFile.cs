namespace Tailpaste.ReleaseArtifacts.Git;

/// <summary>An entry of a commit's tree as <c>git ls-tree</c> lists it: the mode says what it is, never the working tree.</summary>
public sealed record TrackedFile(string Path, string Mode, string ObjectId)
{
    /// <summary>A blob git checks out as a plain file (100644 or 100755): not a link, a submodule or a folder.</summary>
    public bool IsRegularFile => Mode is "100644" or "100755";

    /// <summary>What the entry is, for an error message.</summary>
    public string Kind => Mode switch
    {
        "100644" or "100755" => "a regular file",
        "120000" => "a symbolic link (mode 120000)",
        "160000" => "a submodule (gitlink, mode 160000)",
        "040000" => "a folder",
        _ => $"an entry of mode {Mode}",
    };
}
