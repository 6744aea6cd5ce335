using System.Net;

namespace Tailpaste.Shared.Http;

/// <summary>
/// Follows a redirect only when it stays on the request's origin (same scheme, host and port), so a webhook's
/// body, an Authorization header or a URL's secret path never reach another server because the first one said
/// so. A redirect to another origin (or past <see cref="MaxRedirects"/>) is returned to the caller as it came,
/// for it to report. 307 and 308 repeat the method and body; 301, 302 and 303 after anything but GET or HEAD
/// continue with a GET without a body, as browsers do. The inner handler must not follow redirects itself.
/// </summary>
public sealed class SameOriginRedirectHandler : DelegatingHandler
{
    public const int MaxRedirects = 5;

    /// <summary>Over a handler of its own that follows no redirect and keeps no cookies.</summary>
    public SameOriginRedirectHandler()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
    }

    public SameOriginRedirectHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>True for the statuses that carry a Location to go to.</summary>
    public static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Where a redirect response points, resolved against the request; null when it has no usable Location.</summary>
    public static Uri? Target(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        var from = response.RequestMessage?.RequestUri;
        return location is null ? null
            : location.IsAbsoluteUri ? location
            : from is not null && Uri.TryCreate(from, location, out var resolved) ? resolved
            : null;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The body may have to be sent again; a buffered copy can be.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var current = request;
        var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
        for (var hop = 0; hop < MaxRedirects && IsRedirect(response.StatusCode); hop++)
        {
            if (Target(response) is not { } target || current.RequestUri is not { } from || !Origin.Same(from, target))
            {
                break;
            }

            var next = Next(current, request, response.StatusCode, target, body);
            response.Dispose();
            if (!ReferenceEquals(current, request))
            {
                current.Dispose();
            }

            current = next;
            response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static HttpRequestMessage Next(HttpRequestMessage current, HttpRequestMessage original, HttpStatusCode status, Uri target, byte[]? body)
    {
        var keepsMethod = status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
            || current.Method == HttpMethod.Get || current.Method == HttpMethod.Head;
        var next = new HttpRequestMessage(keepsMethod ? current.Method : HttpMethod.Get, target) { Version = current.Version, VersionPolicy = current.VersionPolicy };
        foreach (var header in original.Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (keepsMethod && body is not null && original.Content is { } content)
        {
            next.Content = new ByteArrayContent(body);
            foreach (var header in content.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                next.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return next;
    }
}
