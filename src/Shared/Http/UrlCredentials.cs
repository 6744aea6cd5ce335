using System.Text.RegularExpressions;

namespace Tailpaste.Shared.Http;

/// <summary>
/// The <c>user:password@</c> part of a URL is a credential for the server the URL names, and is never printed.
/// (.NET's HttpClient does not turn it into an Authorization header by itself, and the probes do not either.)
/// <see cref="Redact(Uri)"/> gives the form for reports, logs and messages; <see cref="Secrets"/> gives every
/// spelling of it a masker should hide (the whole userinfo and the password, as written and percent-decoded).
/// </summary>
public static partial class UrlCredentials
{
    public const string Mask = "***";

    /// <summary>The URL with its userinfo replaced by <c>***</c>; unchanged when it has none.</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.UserInfo.Length == 0)
        {
            return url.ToString();
        }

        return new UriBuilder(url) { UserName = Mask, Password = string.Empty }.Uri.ToString();
    }

    /// <summary>Text that may be a URL (an input that did not parse, say) with anything between <c>//</c> and an <c>@</c> before the path replaced by <c>***</c>.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UserInfoPart().Replace(text, "//" + Mask + "@");
    }

    /// <summary>The strings to mask for a URL's userinfo; empty when it has none.</summary>
    public static IReadOnlyList<string> Secrets(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.UserInfo.Length == 0)
        {
            return [];
        }

        var info = url.UserInfo;
        var colon = info.IndexOf(':', StringComparison.Ordinal);
        var secrets = new List<string> { info, Uri.UnescapeDataString(info) };
        if (colon >= 0 && colon < info.Length - 1)
        {
            var password = info[(colon + 1)..];
            secrets.Add(password);
            secrets.Add(Uri.UnescapeDataString(password));
        }

        return secrets.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("//[^/?#@\\s]*@")]
    private static partial Regex UserInfoPart();
}
