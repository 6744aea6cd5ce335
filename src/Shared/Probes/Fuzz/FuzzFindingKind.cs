namespace Tailpaste.Shared.Probes.Fuzz;

public enum FuzzFindingKind
{
    /// <summary>A 5xx answer.</summary>
    ServerError,

    /// <summary>The connection was refused, reset or closed without an answer.</summary>
    Crash,

    /// <summary>No complete answer within the request timeout.</summary>
    Hang,

    /// <summary>The payload came back unescaped in the body (cross-site scripting, or TRACE echoing the request).</summary>
    ReflectedPayload,

    /// <summary>The payload came back as a response header (CRLF injection, response splitting).</summary>
    InjectedHeader,

    /// <summary>The body looks like a system file or command output (path traversal, command injection).</summary>
    Disclosure,

    /// <summary>A browser-hardening header was missing from the application's answers.</summary>
    MissingSecurityHeader,

    /// <summary>The health endpoint did not answer 2xx after the run.</summary>
    Unhealthy,
}
