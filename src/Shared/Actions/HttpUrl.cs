using Tailpaste.Shared.Http;

namespace Tailpaste.Shared.Actions;

/// <summary>
/// The one check for an http(s) address given as input (or by a config file or variable): absolute, http or
/// https, with a host. A <c>user:password@</c> in a value that fails is never repeated in the message.
/// </summary>
public static class HttpUrl
{
    public const string Expected = "an absolute http:// or https:// URL with a host (such as https://example.com/path)";

    /// <summary>The address, or null when it is not an absolute http(s) URL with a host.</summary>
    public static Uri? TryParse(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.IdnHost.Length > 0
            ? url
            : null;

    /// <summary>The address, or bad input naming <paramref name="source"/> (an input, a config key, a variable).</summary>
    /// <param name="shown">What the message may show of the value: null for the value without its credentials.</param>
    public static Uri Parse(string value, string source, string? shown = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value) ?? throw new InputException(source, shown ?? UrlCredentials.Redact(value), Expected);
    }
}
