namespace Tailpaste.Shared.Http;

/// <summary>Why a probe got no usable answer; <see cref="None"/> when it got a response (whatever its status).</summary>
public enum HttpProbeFailure
{
    None,

    /// <summary>No complete answer within the probe's timeout (connect, headers and the capped body together).</summary>
    Timeout,

    /// <summary>The host name did not resolve.</summary>
    DnsFailure,

    /// <summary>Nothing accepted the connection (refused, unreachable, reset).</summary>
    ConnectionFailure,

    /// <summary>The TLS handshake failed (untrusted or mismatched certificate, protocol error).</summary>
    TlsFailure,

    /// <summary>The answer was not valid HTTP, or something else went wrong.</summary>
    ProtocolFailure,
}
