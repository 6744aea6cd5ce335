namespace Tailpaste.Shared.Http;

/// <summary>
/// The origin of an http(s) URL — scheme, host and port, as browsers compare them — and the test whether two
/// URLs share it. Credentials, cookies and request bodies never go to another origin than the one they were
/// meant for; redirects and joined paths are judged with this.
/// </summary>
public static class Origin
{
    /// <summary>True when both URLs are absolute and have the same scheme, host and (effective) port.</summary>
    public static bool Same(Uri first, Uri second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return first.IsAbsoluteUri && second.IsAbsoluteUri
            && string.Equals(first.Scheme, second.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(first.IdnHost, second.IdnHost, StringComparison.OrdinalIgnoreCase)
            && first.Port == second.Port;
    }

    /// <summary><c>scheme://host:port</c> of an absolute URL: what may be printed about it without its path, query or credentials.</summary>
    public static string Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri ? $"{url.Scheme}://{url.IdnHost}:{url.Port}" : "(a relative URL)";
    }
}
