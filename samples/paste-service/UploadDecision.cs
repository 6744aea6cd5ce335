namespace Tailpaste.PasteService;

/// <summary>The outcome of an upload's authorization: who it is from, or why it was refused.</summary>
public sealed record UploadDecision(bool Allowed, string? SourceUser, string? DenialReason)
{
    public static UploadDecision Allow(string sourceUser) => new(true, sourceUser, null);

    public static UploadDecision Deny(string reason) => new(false, null, reason);
}
