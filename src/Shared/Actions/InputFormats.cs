using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// The text formats more than one action checks, each written once: where an action reads such a value (an input,
/// an image label, GITHUB_SHA) it asks the format here, so every action accepts the same values and names them in
/// the same words.
/// </summary>
public static partial class InputFormats
{
    /// <summary>
    /// A git commit id: 7 to 64 hex digits (abbreviated, SHA-1 or SHA-256). Kept lower-cased
    /// (<see cref="NormalizeCommitId"/>) so the same commit is always written the same way.
    /// </summary>
    public static InputFormat CommitId { get; } = new(CommitIdPattern(), "a git commit id (7 to 64 hex digits)");

    /// <summary>
    /// How backup-restore names a backup, <c>20260102T030405Z-1a2b3c4d</c> (its UTC second, a dash and 8 hex
    /// digits): checked the same where the id is made and where deploy is given one.
    /// </summary>
    public static InputFormat BackupId { get; } = new(BackupIdPattern(), "a backup id such as 20260102T030405Z-1a2b3c4d (UTC time, a dash and 8 hex digits)");

    /// <summary>
    /// An image reference (<c>tailpaste/paste-service:1.4.0</c>, a digest, a registry): only the characters a
    /// reference can hold, never a leading dash, so it can be neither a flag nor a second word.
    /// </summary>
    public static InputFormat ImageReference { get; } = new(ImageReferencePattern(), "an image reference such as tailpaste/paste-service:1.4.0 (letters, digits and . _ - / : @)");

    /// <summary>
    /// A short word for a label value such as a version (<c>1.4.0</c>, <c>2.0.0-rc.1+build.5</c>), safe in a
    /// label, a report and a log line.
    /// </summary>
    public static InputFormat LabelValue { get; } = new(LabelValuePattern(), "at most 128 letters, digits and . _ + -");

    /// <summary>The commit id lower-cased, or null when <paramref name="text"/> is not one.</summary>
    public static string? NormalizeCommitId(string? text) => CommitId.IsValid(text) ? text.ToLowerInvariant() : null;

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitIdPattern();

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex BackupIdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageReferencePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValuePattern();
}
