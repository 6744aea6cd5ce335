namespace Tailpaste.DockerCleanup.Model;

/// <summary>A resource the action considered, why, and what became of it.</summary>
/// <param name="Reason">Why it was kept or failed, in words; for a removed image the tags that went with it; otherwise null.</param>
public sealed record ResourceOutcome(DockerResource Resource, SelectedBy SelectedBy, Outcome Outcome, string? Reason)
{
    /// <summary>Removed, or would be in a dry run.</summary>
    public bool IsRemoval => Outcome is Outcome.Removed or Outcome.WouldRemove;
}
