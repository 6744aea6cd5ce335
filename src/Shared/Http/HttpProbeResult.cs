namespace Tailpaste.Shared.Http;

/// <summary>What one probe saw: the status (when an answer came), how long it took, the capped body and any failure.</summary>
/// <param name="StatusCode">HTTP status, or null when no response headers arrived.</param>
/// <param name="Elapsed">From sending to the end of the (capped) body, or to the failure.</param>
/// <param name="Body">At most the request's MaxBodyBytes bytes of the body.</param>
/// <param name="BodyTruncated">True when the body was longer than the cap (the rest was not read).</param>
/// <param name="Failure">Why there was no complete answer; <see cref="HttpProbeFailure.None"/> otherwise.</param>
/// <param name="Error">A one-line explanation of the failure; null when none.</param>
public sealed record HttpProbeResult(
    int? StatusCode,
    TimeSpan Elapsed,
    byte[] Body,
    bool BodyTruncated,
    HttpProbeFailure Failure,
    string? Error)
{
    /// <summary>An answer came in time and its status is 2xx.</summary>
    public bool IsSuccess => Failure == HttpProbeFailure.None && StatusCode is >= 200 and < 300;

    public double ElapsedMs => Elapsed.TotalMilliseconds;
}
