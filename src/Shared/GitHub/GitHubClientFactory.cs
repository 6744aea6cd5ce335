using System.Net;
using Octokit;
using Octokit.Internal;

namespace Tailpaste.Shared.GitHub;

/// <summary>Octokit clients for the REST API at the address the runner gives (<c>GITHUB_API_URL</c>).</summary>
public static class GitHubClientFactory
{
    /// <param name="apiUrl">The API root: https://api.github.com, or https://host/api/v3 on GitHub Enterprise Server.</param>
    /// <param name="token">The token sent as the Authorization header (never over plain http to another machine, never along a redirect to another origin: see <see cref="CredentialGuardHandler"/>).</param>
    /// <param name="product">The User-Agent product name, so the server's logs say which action called.</param>
    public static GitHubClient Create(Uri apiUrl, string token, string product)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);

        // GitHubClient(header, uri) would append /api/v3/ to every host but api.github.com; a Connection keeps the
        // address as given (GITHUB_API_URL already ends in /api/v3 on GitHub Enterprise Server). Relative paths
        // need the trailing slash.
        var baseAddress = new Uri(apiUrl.ToString().TrimEnd('/') + "/");

        // Octokit follows redirects itself, so the handler it is given must not (else the guard would never see them).
        var http = new HttpClientAdapter(() => new CredentialGuardHandler(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        }));
        var connection = new Connection(
            new ProductHeaderValue(product),
            baseAddress,
            new InMemoryCredentialStore(new Credentials(token)),
            http,
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }
}
