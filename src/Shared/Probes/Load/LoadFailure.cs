namespace Tailpaste.Shared.Probes.Load;

/// <summary>Why a load request counts as failed; <see cref="None"/> when it got a 2xx answer in full.</summary>
public enum LoadFailure
{
    None,

    /// <summary>A complete answer with a status outside 2xx (after redirects on the origin).</summary>
    Status,

    /// <summary>No complete answer within the request timeout (or the run's time limit).</summary>
    Timeout,

    /// <summary>No connection, or it was refused, reset or closed before a complete answer.</summary>
    Connection,

    /// <summary>The body was longer than the plan's cap; the rest was not read.</summary>
    BodyTooLarge,

    /// <summary>A redirect pointed off the service's origin, or past the redirect limit; it was not followed.</summary>
    Redirect,

    /// <summary>The answer was not valid HTTP.</summary>
    Protocol,
}
