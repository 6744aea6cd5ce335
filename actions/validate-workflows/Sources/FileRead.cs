namespace Tailpaste.ValidateWorkflows.Sources;

/// <summary>A file's text, or why it was not read.</summary>
public sealed record FileRead(string? Text, FileRefusal Refusal, string? Problem)
{
    public static FileRead Of(string text) => new(text, FileRefusal.None, null);

    public static FileRead Refused(FileRefusal refusal, string problem) => new(null, refusal, problem);
}

public enum FileRefusal
{
    None,

    /// <summary>The path, once its symbolic links are resolved, lies outside the repository.</summary>
    OutsideRepository,

    /// <summary>Larger than the bound; refused by its size before any byte was read.</summary>
    TooLarge,

    /// <summary>Missing, a folder, or an error from the file system.</summary>
    Unreadable,
}
