namespace Tailpaste.Deploy.Record;

/// <summary>Where a deploy is; the next run reads it to finish or undo a deploy that was killed.</summary>
public enum DeployPhase
{
    /// <summary>No deploy in progress: the live version serves.</summary>
    Steady,

    /// <summary>Blue-green: the new version is being started and checked beside the live one; no user traffic reaches it.</summary>
    CandidateStarting,

    /// <summary>Blue-green: users' traffic goes to the new version; the previous one still runs (the verify window).</summary>
    Switched,

    /// <summary>Blue-green: the traffic is being switched back to the previous version.</summary>
    RollingBack,

    /// <summary>Blue-green: the new version passed its window; the previous one is being drained and removed.</summary>
    Finishing,

    /// <summary>Recreate: the old container is stopped and set aside; the new one is being started and checked.</summary>
    Replacing,

    /// <summary>Recreate: the new container passed its checks; the old one is being removed.</summary>
    Replaced,
}
