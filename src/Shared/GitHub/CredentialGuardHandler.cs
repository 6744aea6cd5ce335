using System.Net;

namespace Tailpaste.Shared.GitHub;

/// <summary>
/// Sits under Octokit's own redirect following (its HttpClientAdapter re-sends a redirected request with the
/// Authorization header unless the host changes, so another port or scheme of the same host would receive the
/// token). Every hop passes through here: a request carrying credentials is never sent over plain http to
/// another machine, and a redirect answering one is refused when it changes scheme, host or port.
/// </summary>
public sealed class CredentialGuardHandler : DelegatingHandler
{
    public CredentialGuardHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var address = request.RequestUri ?? throw new HttpRequestException("A GitHub API request has no address.");
        var carriesCredentials = request.Headers.Authorization is not null;
        if (carriesCredentials && !TokenAddress.IsSafe(address))
        {
            throw new HttpRequestException($"Refused to send the token to {TokenAddress.Origin(address)}: it is plain http to another machine; use https.");
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (carriesCredentials && IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(address, location);
            if (!string.Equals(TokenAddress.Origin(target), TokenAddress.Origin(address), StringComparison.OrdinalIgnoreCase))
            {
                response.Dispose();
                throw new HttpRequestException(
                    $"Refused to follow the redirect ({(int)response.StatusCode}) from {TokenAddress.Origin(address)} to {TokenAddress.Origin(target)}: it changes scheme, host or port, and the request carries the token.");
            }
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
