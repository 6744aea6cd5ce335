namespace Tailpaste.Shared.GitHub;

/// <summary>
/// Where a GitHub token may be sent: https anywhere, plain http only to this machine (a test double or a
/// tunnel's local end). Over plain http to any other host the token would cross the network readable.
/// </summary>
public static class TokenAddress
{
    public const string Expected = "an https URL (plain http only to localhost, 127.0.0.1 or ::1) such as https://api.github.com";

    public static bool IsSafe(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsAbsoluteUri
            && (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback));
    }

    /// <summary>scheme://host:port, what two addresses must share for a request to carry the token from one to the other.</summary>
    public static string Origin(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Port, UriFormat.UriEscaped);
    }
}
