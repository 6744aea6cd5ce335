namespace Tailpaste.Shared.Http;

/// <summary>One request a probe sends.</summary>
/// <param name="Method">GET, POST...</param>
/// <param name="Url">Absolute http or https URL.</param>
/// <param name="Timeout">Bound for the whole exchange: connect, headers and reading the (capped) body.</param>
/// <param name="MaxBodyBytes">Body bytes kept; the rest is not read, so an endless answer cannot exhaust memory.</param>
public sealed record HttpProbeRequest(HttpMethod Method, Uri Url, TimeSpan Timeout, int MaxBodyBytes = HttpProbeRequest.DefaultMaxBodyBytes)
{
    public const int DefaultMaxBodyBytes = 64 * 1024;

    /// <summary>Request body; null for none.</summary>
    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string? BearerToken { get; init; }

    public static HttpProbeRequest Get(Uri url, TimeSpan timeout) => new(HttpMethod.Get, url, timeout);
}
