using Tailpaste.Shared.Http;

namespace Tailpaste.Shared.Probes;

/// <summary>
/// The one place a probe may send to: the scheme, host and port of the configured service URL, plus its path
/// as a prefix. Every target and every redirect is checked against it, so nothing a path or an answer says can
/// send a probe's request elsewhere.
/// </summary>
public sealed class ServiceOrigin
{
    public ServiceOrigin(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        // User info first, so a password never reaches the other message.
        if (serviceUrl.IsAbsoluteUri && !string.IsNullOrEmpty(serviceUrl.UserInfo))
        {
            throw new ArgumentException("The service URL must not carry a user name or password.", nameof(serviceUrl));
        }

        if (!serviceUrl.IsAbsoluteUri || serviceUrl.Scheme is not ("http" or "https") || string.IsNullOrEmpty(serviceUrl.Host))
        {
            throw new ArgumentException($"\"{serviceUrl}\" is not an absolute http or https URL.", nameof(serviceUrl));
        }

        // The base path always ends with "/", so relative targets resolve beneath it.
        var path = serviceUrl.AbsolutePath.EndsWith('/') ? serviceUrl.AbsolutePath : serviceUrl.AbsolutePath + "/";
        BaseUrl = new UriBuilder(serviceUrl.Scheme, serviceUrl.Host, serviceUrl.Port, path).Uri;
    }

    /// <summary>The service URL without query or fragment, its path ending with a slash.</summary>
    public Uri BaseUrl { get; }

    public string Host => BaseUrl.Host;

    public int Port => BaseUrl.Port;

    public bool IsHttps => BaseUrl.Scheme == Uri.UriSchemeHttps;

    /// <summary>The URL of a path on the service (<c>/healthz</c>, <c>healthz?x=1</c>: both under the base path).</summary>
    /// <exception cref="ArgumentException">The path is absolute (<c>http://…</c>), protocol-relative (<c>//host</c>), or otherwise leaves the origin.</exception>
    public Uri Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith(@"\", StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal)
            || path.Any(char.IsControl))
        {
            throw new ArgumentException($"\"{path}\" is not a path on the service: expected a path such as /healthz, on {BaseUrl.GetLeftPart(UriPartial.Authority)}.", nameof(path));
        }

        var target = new Uri(BaseUrl, path.TrimStart('/'));
        return Contains(target)
            ? target
            : throw new ArgumentException($"\"{path}\" leaves the service: it resolves to {target.GetLeftPart(UriPartial.Path)}.", nameof(path));
    }

    /// <summary>True when <paramref name="url"/> is on the same scheme, host and port, under the base path.</summary>
    public bool Contains(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Origin.Same(url, BaseUrl) && url.AbsolutePath.StartsWith(BaseUrl.AbsolutePath, StringComparison.Ordinal);
    }
}
