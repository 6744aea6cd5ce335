namespace Tailpaste.DockerCleanup.Model;

/// <summary>What happened to a resource the action considered.</summary>
public enum Outcome
{
    /// <summary>Removed in this run.</summary>
    Removed,

    /// <summary>Dry run: would have been removed.</summary>
    WouldRemove,

    /// <summary>Carries a protected label; never removed.</summary>
    Protected,

    /// <summary>Created more recently than older-than allows.</summary>
    TooRecent,

    /// <summary>A container that stays (or the engine) still uses it; not an error.</summary>
    InUse,

    /// <summary>Gone before the action got to it (removed by someone else meanwhile).</summary>
    AlreadyGone,

    /// <summary>
    /// Changed between the listing and the removal (re-read just before it): now protected, no longer selected,
    /// or otherwise kept by the rules. Left alone.
    /// </summary>
    Skipped,

    /// <summary>The engine refused or failed the removal.</summary>
    Failed,
}
