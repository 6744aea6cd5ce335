namespace Tailpaste.Shared.Probes.Fuzz;

/// <summary>
/// One hostile request, as the exact bytes sent on a fresh connection to the service (always with the
/// service's own Host and <c>Connection: close</c>).
/// </summary>
/// <param name="Name">Short, stable name (<c>traversal-encoded</c>), used in findings.</param>
/// <param name="Request">The raw HTTP/1.1 request, at most <see cref="FuzzCatalog.MaxRequestBytes"/>.</param>
/// <param name="Reflectable">Text that must never come back verbatim (unescaped markup, a TRACE'd header); null when the case plants none.</param>
public sealed record FuzzCase(string Name, FuzzCategory Category, byte[] Request, string? Reflectable = null)
{
    /// <summary>Shut the sending side after the request, so a server waiting for the rest of a body sees it end.</summary>
    public bool HalfClose { get; init; }

    /// <summary>
    /// The client cut its own request short, so the server may drop the connection instead of answering
    /// (Kestrel does, on a half-close); only a hang or a 5xx is a finding then. A server that really died is
    /// still caught: the next case cannot connect, and the health check after the run fails.
    /// </summary>
    public bool MayDropConnection { get; init; }

    /// <summary>A well-formed request that the application itself answers, so its answer must carry the security headers.</summary>
    public bool ChecksSecurityHeaders { get; init; }

    /// <summary>5xx statuses that are the right answer to this request (501 to an unknown method, 505 to an unknown HTTP version).</summary>
    public IReadOnlySet<int> ExpectedServerStatuses { get; init; } = new HashSet<int>();
}
