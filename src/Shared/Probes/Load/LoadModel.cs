namespace Tailpaste.Shared.Probes.Load;

/// <summary>How requests are paced.</summary>
public enum LoadModel
{
    /// <summary>
    /// A fixed number of workers, each sending its next request as soon as the last one ended (like hey, wrk, ab).
    /// A slow server slows the senders down, so its stalls show in few samples.
    /// </summary>
    Closed,

    /// <summary>
    /// Requests at a constant arrival rate, whatever the server does, each timed from the moment it was due
    /// to be sent (like k6's constant-arrival-rate, wrk2): a stall shows in every request that was due during it.
    /// </summary>
    Open,
}
